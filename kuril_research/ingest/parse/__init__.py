"""Turn an article's raw text into its parts: title, standfirst, dateline, paragraphs.

Articles arrive as they were copied from a web page. The parser works line by
line on Unicode-normalised text and applies these rules, in order:

1. **Normalise** (:func:`normalise_text`): NFC; no-break and other fixed-width
   spaces become ordinary spaces; zero-width characters and soft hyphens are
   removed; line endings become ``\\n``; trailing spaces are trimmed. None of
   this changes what a reader sees.
2. **Furniture** (``data/furniture.yaml``, :func:`load_furniture_lexicon`): a
   line that is wholly a section label, advertisement, newsletter prompt, "Read
   more" link, share counter, comment notice, byline, date line, audio player,
   donation appeal, weather or traffic widget, cookie notice, tag list or other
   listed furniture, or a line of date and time tokens whatever their order
   (:mod:`.timestamps`: "00:23 GMT 03.03.2026"; after a byline on its line too; after a source's or a town's name
   when it has a clock time: "BBC World Service, Monday 20 August 2001, 07:09 GMT"),
   a menu copied with its spacing ("News  Opinion  Business"), a row of page
   tools side by side ("Share Comments Print") or a bar whose every item is
   furniture, a date or a writer's name ("Jane Roe · 3 min read"), is removed
   and logged with its 1-based line number and reason; a related-links header ("You may also like:") and the short lines
   after it are removed as "related links", a tag header ("Tags") and the
   lines under it up to a blank line as "tags". The page's layout removes more
   (:mod:`.layout`), whatever words a site uses: short lines printed twice or
   more (running headers and footers, button rows), footnotes under a rule
   line, a contents box (under "Contents", or headings that come back numbered
   further down), a box of bullet lines under "Key points:", a menu copied one
   item a line above the story. A headline printed again under itself (as its photo's caption or alternative
   text) keeps its first copy; a long line printed three times or more (a gallery's numbered alternative texts)
   goes. A block of short lines speaking to the reader around a "Support us" button is an appeal box, a video's
   caption right over its player's notice is no headline, nor is a sentence right over a "PHOTO: ..." credit under
   the headline. A line of furniture printed as a list item ("• Published") is read without its bullet. A line
   ending in a photo credit (or its source in brackets glued to its full stop) is a caption, never a title. In a forum thread the
   replies are the body; under a crossposted post they are readers' comments.
3. **Dateline** (:data:`DATELINE_RE`): the first paragraph that opens with a
   dateline (``MOSCOW, July 26. /TASS/.``, ``MOSCOW, Russia –``,
   ``MOSCOW (Sputnik) -``, ``TOKYO —``, ``Tokyo [Japan], February 7 (ANI):``,
   ``Tokyo, Mar 5 (EFE).-``, ``Nemuro, Hokkaido-``, ``March 3 (UPI) --``,
   ``TOKYO/MOSCOW, March 3, 2026 (AFP) -``, ``Moscow, March 3 —``; a place in
   mixed case and a spaced dash, ``Tokyo —``, only at the head of a long lead; ``Nemuro, Hokkaido--About``;
   ``ITURUP /Sakhalin Region/, July 26. /TASS/.``; ``Nemuro, Japan |``;
   a place and a dash alone only on a sentence; a dash typed against a place in capitals, ``TOKYO- Japan ...``;
   the wire's name after the date without brackets, ``NEMURO, Japan, Sept. 23 Kyodo -``, ``VILNIUS, Feb 02, BNS –``;
   the agency before place and date, ``(ANSA) - TOKYO, 14 NOV -``; ``//`` for the dash, ``MOSCOW //``; a prefecture,
   ``ITO, Shizuoka Pref.--``; an Italian, French or Spanish wire's month, ``TOKYO, 14 GIU -``, ``Tokio, 5 mar (EFE).-``; the filing time and
   the agency after the date, ``Tokyo, 07 Feb 2024 11:26 - (Agenzia Nova) -``, ``Yuzhno-Sakhalinsk, July 31, 2023,
   14:05 — REGNUM``)
   starts the body; the dateline
   is cut from the body text and kept in its own fields. Among the first lines, a
   place and a colon before a long lead (``TOKYO:``, ``Nemuro:``, ``Tokyo :``; under a deck's sentence and a byline
   too when the place is in capitals or a known town's, ``New Delhi:``; not in a transcript,
   not a ``dateline_labels`` word such as "QUESTION", nor two or three words in capitals without a word of a place
   name, a caption's label: "WATCHING OVER SHIPS:") and a place in capitals alone
   on its line over the lead (``MOSCOW``) are datelines too.
4. **Header**: lines before the dateline are the site's own header (lines
   matching ``site_headers`` or short capitalised names such as "Nikkei Asia",
   logged as "site header"), then the title (the first other line), the
   standfirst (the next line, unless it looks like a caption or a byline) and
   photo captions (anything further). An article without a dateline has its
   leading site-header lines removed the same way, and a title only if its
   next line is a single line followed by a blank line and reads like a
   headline (no sentence-final full stop); it then has no standfirst.
   Lines above a removed menu bar or breadcrumb ("Home > Local", "A | B | C"; a breadcrumb from "Home" that ends in
   the headline, whatever mark parts it, is navigation) are the
   site's masthead (not above a row of page tools or share targets, "Facebook | Twitter | Print", nor above a bar
   with figures printed
   under a headline: "Jane Roe | 3.5.2026"), and so are heading lines above a date when one more heading line and
   then a sentence follow it (minutes, notices); a short kicker ("Japan-Russia relations")
   over a longer headline is a section label, and so is a label over a headline that quotes its speaker after a
   colon ("Limarenko: a berth will be ready by 2027"); a short capitalised line ending in an outlet's noun ("THE
   ASAHI SHIMBUN") is the outlet's name even right over the story; a title numbered as an item of a database
   export's list ("1. Headline") loses its number when the headline is printed again; the line under a summary label ("In Brief")
   is the standfirst. A donation appeal runs from its header ("A message from ...:") to
   its button; readers' comments run from "Sort by:" to the end; a caption standing just
   above its photo credit is a caption. A page of several dated items (a topic page)
   takes the line above its first item as its title; a short lower-case line right
   under a headword ("archipelago, Russia") is an encyclopaedia page's standfirst.
   Before all this, a page title "Headline | Site" (or a heading printed twice side by side) is dropped when the
   headline is printed again and stands for it otherwise, and a headline broken over two lines
   is joined (:mod:`.headings`). A short capitalised line with a finite verb of
   headline English (``headline_verbs``: "Japan Protests Island Drills") is never
   the site's name; a topic label without one over the headline is a section
   label, a long title-case slogan over a sentence-case headline is the masthead,
   a sentence over a headline is the top photo's caption, a headline printed twice
   is logged as "repeated title", and short capitalised lines under the headline
   ("Jane Roe", "Tokyo") are its byline. Short capitalised lines after the last
   paragraph are a sign-off ("Jiji Press", "• Trending Japan").
   Last, the headline is checked by its **shape** (:mod:`.shape`): when the line the
   position rules chose has none (a writer's name, a date, a button, a category or
   section line, a labelled field such as "Publication: ...", a menu item printed
   again, or no title at all), the first headline-shaped line under the page's first
   menu bar and over the story is the headline; a site's slogan right under its name
   is moved out of the title; a standfirst must read as a deck (no page tool, field,
   date or name; on a page without a dateline, nor a capitalised line of under six words; nor a caption opening with
   a label in capitals; on a page with one, nor a line under the byline and date block with no photo between them
   and no summary label such as "Synopsis" over it: the top photo's caption or a notice box), and the headline printed again in any case among the first lines over the story is a
   repeated title; a lone section heading ("Abstract") is the text's first heading, never its title. A deck in
   sentences right under the headline and over the byline and date block (or a byline left in the body) is the
   standfirst; a caption ending in its credit ("(Agency pic)", "— Agency") or a line in another script than the
   headline's is no deck; "Headline - tagline" over the headline printed again is the page's title; an issue label
   ("Issue #612") is no headline; where the rules find no title, the learned chooser (:mod:`.title_model`) names it
   when sure, never from a gallery's numbered image names. An interview's introduction right under the headline,
   over turns that open with their speakers' labels ("OGONYOK: ...", "Anna Roe: ..."), is its standfirst
   (:mod:`.interviews`). A place alone
   on its line over a transcript's first turn ("MR
   PRICE: ...") is the briefing's place header, not a dateline. Where no dateline was found, a place alone on its
   line among the header lines ("12 Comments", "TOKYO", headline; byline, "NEMURO, JAPAN", date) that names its
   country or agency or a town of ``dateline_places`` is the dateline (:mod:`.header_place`), and so is such a town in
   mixed case with a colon alone right over the lead (``Tokyo:``, a dateline's own span copied onto its own line), a
   wire's credit with its town (``AFP/Tokyo``, ``The Associated Press, Moscow``; agencies of ``wire_agencies``) and a
   town and date right under a wire's credit (``PTI`` over ``Singapore, Nov 14 2018, 19:52 IST``), and a known town and
   a day of a month alone right over the lead (``Moscow, March 22``). A wire's name alone
   on its line is its credit, never a place in capitals over the lead.
5. **Paragraphs**: short capitalised lines under the story's last sentence are its sign-off, however few
   paragraphs the story has; every remaining non-empty line is a paragraph, whether the
   source separated paragraphs by blank lines or single newlines; a hard-wrapped
   line (no closing punctuation, next line starting in lower case) is joined to
   the next. The clean body is the paragraphs joined by a blank line.

The rules live in one module each: :mod:`.text` (normalising), :mod:`.lexicon`
(``furniture.yaml``), :mod:`.months` (month names), :mod:`.timestamps` (date lines by their shape), :mod:`.database_fields` (a Factiva export's
field labels), :mod:`.furniture` (whole furniture lines and blocks), :mod:`.bios` (a writer's bio under the story),
:mod:`.layout` (furniture found by layout), :mod:`.dateline`, :mod:`.headings` (page titles, wrapped
headings), :mod:`.header` (masthead, headline, standfirst), :mod:`.dated_pages` (notices and topic pages ordered by their
dates), :mod:`.header_place` (a dateline among the header lines), :mod:`.shape` (the headline by its shape),
:mod:`.interviews` (an interview's introduction), :mod:`.captions` and :mod:`.article` (the pipeline).
"""

from kuril_research.ingest.parse.article import parse_article
from kuril_research.ingest.parse.captions import CAPTION_CREDIT_RE, has_credit
from kuril_research.ingest.parse.dateline import DATELINE_RE
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, furniture_reason, load_furniture_lexicon
from kuril_research.ingest.parse.records import ParsedArticle, Removed
from kuril_research.ingest.parse.text import normalise_text

__all__ = [
    "ParsedArticle",
    "Removed",
    "DATELINE_RE",
    "CAPTION_CREDIT_RE",
    "FurnitureLexicon",
    "furniture_reason",
    "has_credit",
    "load_furniture_lexicon",
    "normalise_text",
    "parse_article",
]
