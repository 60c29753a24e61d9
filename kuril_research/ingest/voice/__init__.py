"""Voice: who is speaking at each mention — the outlet, a quoted speaker, or a side whose name is reported.

Every gazetteer mention gets one voice:

``quoted``
    Inside a quotation; ``speaker`` is the quote's speaker (a gazetteer id or None),
    ``speaker_text`` the speaker as the text names them.
``attributed``
    The outlet reports someone else's name for the thing ("which Japan calls its
    northern territories"); ``speaker`` is the entity of the cue's subject,
    ``speaker_text`` that subject as written.
``narrator``
    Everything else, including square-bracket insertions inside a quotation.

Method (the rules, in the order they are applied)
-------------------------------------------------
1. **Quotations** are found paragraph by paragraph and never cross a paragraph
   boundary. A curly “ closes at the next ” (at the next straight " if the
   paragraph has no ”); a low „ closes at the next “ or ” (German, Central European and Ukrainian copy), two
   straight apostrophes '' at the next '', and a low single ‚ at the next ‘ or ’; a straight " closes at the next " (else ”). Marks of any
   kind inside an open double quote are part of it, so nested ‘…’ stay inside,
   and double marks nest: an inner “, or an inner straight " with white space
   or a bracket on its left and a letter on its right, must close before the
   outer quotation can (``"We reject "Northern Territories" claims," she said``).
   An opening mark with no close runs to the end of its paragraph (a quote
   continued in the next paragraph, which opens with a mark again; such a
   run is one quotation, whose speaker the last paragraph's attribution
   names), unless the next paragraph does not go on with it and an
   attribution clause follows a comma inside it ('"We will wait, Kishida
   said.': the closing mark was lost; the quotation ends at the comma). A closing mark with no opener, when it is
   the first double mark of its paragraph, quotes from the paragraph start to
   the mark (an opener lost by the outlet); later stray closing marks are
   ignored. A paragraph printed as a block without marks, ending in a comma after a paragraph that ended its
   sentence, whose next paragraph only attributes it ('... this is Russia,' / '- the Russian politician declared
   then.'), is one quotation, spoken by the person that paragraph names. Direct speech printed the Russian way,
   opened by a dash and broken by ", - she emphasized." (:mod:`~kuril_research.ingest.voice.dash_speech`), or a
   dash-opened paragraph under "... said:", is a quotation too. Outside a quotation a straight " that
   touches a word on its left
   but not on its right (``anything,"``), or only a footnote number
   (``ocean."12``), is such a closing mark; any other
   straight " opens. Single marks (‘…’ and British/Australian straight '…')
   open a quote only at a word start (after white space, a bracket, a dash
   or a double mark) and only if a closing mark (not after white space, not
   before a letter) follows in the same paragraph, so apostrophes (Russia's,
   don't, O'Brien, '90s) never open or close anything; an s' before a
   lower-case word is a plural possessive ("the islanders' graves") when
   another closing mark follows before the next opening mark. A paragraph
   that opens with a single mark and has no close is a quotation going on in
   the next paragraph. Quotations of white space only are dropped. A quotation that
   holds one territory name and nothing else but "the", "so-called" and
   punctuation is a **scare quote**: the outlet reporting a term. It is no
   quotation (it gets no row in ``quotes``), and its name is ``attributed``
   (rule 3), else to the side whose spelling it is (``naming_owner``); so is a
   name between single quotation marks in the outlet's words. A scare quote may
   add a ``scare_term_nouns`` word ('the "Kuril Islands dispute"'). A quotation
   right after a ``title_nouns`` word is a name ('the youth forum "Iturup"'):
   no quotation, and its names are narrator. "so-called" makes a name the
   outlet's report of a term only outside a speaker's quotation. A lone name quoted after "the" and a
   ``term_nouns`` word is a term cited ('said the phrase "northern territories" would ...'), and a past verb in
   the present perfect states a position held ('has long argued that ... the "Kurils"'): both stay scare quotes.
   A title-case quotation after a ``slogan_cues`` phrase ('banners reading "Hands off the Kurils"') is words.
   **Inner quotations** (:mod:`~kuril_research.ingest.voice.inner`): inside a quotation, words opened by a
   quotation mark after a comma or colon ('"My father always said, 'We will go home,'" she said') are split
   out as their own quotation, spoken by the subject of the speech verb introducing them, as written ("My
   father"); "I"/"we" there is the outer speaker. A quoted term a few words after a speech verb whose subject is
   someone else is that subject's ('"Russia today says there is 'no territorial problem'"': Russia). Any other quoted term
   stays in the outer quotation.
2. **Square brackets** inside a quotation ("[the way Japan calls ...]") are the
   outlet's words: mentions inside them are not ``quoted``; so is a naming gloss in round brackets ("(as the
   southern Kurils are called in Japan)").
3. **Naming cues** (``naming_cues`` in ``data/voice.yaml``, e.g. "which {side}
   calls", "known in {side} as", "referred to by {side} as", "{side}, which
   ..10 refers to them as its"; ``..10`` stands for up to ten words, in the
   token notation of frames.yaml and trade.yaml, :mod:`kuril_research.matching`;
   a cue ends in its sentence, at the first word that can end it) need as
   ``{side}`` a place, organisation or person mention, a subject word
   (``subject_words``: "the Japanese" → japan) or a pronoun resolved to the
   nearest earlier side-bearing mention (``subject_pronouns``: "which it
   calls", "what the ministry terms"). Inside a cue's scope, a side-bearing
   subject just before a name takes over ("which Moscow calls the Kurils and
   Tokyo the Northern Territories"). Post-posed cues (``naming_post_cues``:
   "Etorofu, as Japan calls it", "Kunashiri in Japanese") follow the name;
   short glosses (``naming_gloss_cues``: "to Tokyo", "by Russia") count only
   after a bracket or dash or a ``gloss_triggers`` verb earlier in the clause
   ("known as A in Russia and B in Japan"), or a pair of glosses of the two sides ("Kurils to Moscow and
   Northern Territories to Tokyo"), or a naming participle right before the name, after which the clause may go on
   ("known as the Northern Territories [dispute] in Japan after ..."), so "return Etorofu to Japan" is no
   naming; "to {side}" after a list that is the object of a verb or preposition is never one ("sell Kunashiri
   to the Japanese"), after a copula it is ("the islands are Kunashiri and Etorofu to the Japanese"). A post-posed cue after the last name of a list applies to the
   whole list, and a name in brackets after an attributed name shares its
   side ('the term "Northern Territories" (Hoppo Ryodo)'). A pre-check keeps
   all this cheap: only windows round the cues' distinctive words are searched.
   A cue's scope runs from the cue's end to the first of: the
   sentence end, ``; . ! ? ) ] —`` (and a spaced en dash), the end of the enclosing quotation, and the
   ``naming_scope_words``-th word; a paragraph that ends inside a sentence (a PDF copy's hard line break:
   "what Tokyo terms the" / "Northern Territories") continues into the next. Within its scope a cue gives
   the first name and the names listed with it, never a first name after a preposition of place ("Russia
   called the drills on Iturup routine": where, not a name given), not a name after an apposition ("known in Russia as
   Signal Island, one of the Habomai islets": the islets are the outlet's words). A mention in scope is
   ``attributed`` (over a quoted lone term too) when its entity type is in ``named_types`` and its
   naming is not the other side's naming (``sides``): a Russian-named mention is
   never Japan's name for the thing. A pronoun subject whose nearest side may not use the name is the nearest
   side that may ("Russia's ministry said Japan must accept ... what it calls the Southern Kurils"). A comma
   relative or "including" clause in the scope does not count towards its words, nor do the words of the verb's
   object ("Japan still calls the islands of Kunashir, Iturup and ... of the Lesser Kuril ridge its northern
   territories"), an adverb may stand between the subject and its
   verb ("Tokyo collectively calls"), a second predicate of the subject after "and" is a cue of its own beside the
   first ("Japan refers to them as Etorofu and Kunashiri and considers them part of its Northern Territories"), also
   in a relative clause right after the subject ("Japan, which calls the island Kunashiri and considers it part of
   its Northern Territories"), a
   finite verb after the first name given ends the names given ("the islands it calls the Northern Territories
   were never part of the Chishima chain"; not a passive of naming: "Etorofu is called Iturup"), a cue gives no
   name inside a quotation that is not a lone term (the speaker's words: 'who called it 'a sign that the Kurils
   are open''), and a dash pair opened before the cue has
   given a name does not end it. An object is no name given: after a classing verb before a predicate
   ("Russia considers the South Kurils its territory"), or after a quoted phrase the cue gave
   (:mod:`~kuril_research.ingest.voice.cue_objects`). The object of a naming verb with two slots is the
   referent, named in the outlet's words, and only the complement is the side's name
   (:mod:`~kuril_research.ingest.voice.referents`): "Russia calls Iturup, Kunashir, Shikotan and the Habomai islets
   the South Kurils", "refers to the islands - A, B and C - as the Southern Kurils", "calls the four islands,
   including the Habomai islets, the Northern Territories". A point of view before a copula ("For Japan, Etorofu and
   Kunashiri are ...") gives the side the subject's names too (:mod:`~kuril_research.ingest.voice.viewpoint`).
   A quoted name of a thing with no speech verb before it, its last words a name, takes a post-posed cue after
   the closing mark ('"rally for the return of the Northern Territories," as Tokyo calls ...').
   **One voice per list** (:mod:`~kuril_research.ingest.voice.lists`): in a list of names joined by commas or
   "and" that the outlet spells one side's way in its own voice, no neutral name is the other side's usage
   ("Japan considers Iturup, Kunashir, Shikotan and the Habomai its own").
4. **Speakers** are open-set. Candidates, outside quotations, are person and
   organisation mentions (written as their longest spelling in the article),
   names the gazetteer does not know (runs of capitalised words with titles
   cut off: "Deputy Foreign Minister Ivan Petrov" → "Ivan Petrov"; a later
   lone "Petrov" is the same person), organisations it does not know (a run
   ending in ``organisation_heads``: "Russia’s Prosecutor General’s Office"),
   described speakers kept as written (``speaker_heads``: "a spokesman for the
   Sakhalin regional government"), institutions that speak for themselves
   (``roles.institution``: "the statement") and role phrases or pronouns
   (``roles``: "the spokesman", "he" → person; "it", "the ministry" →
   organisation); a role phrase or description hides the mentions inside it
   ("the Kremlin spokesman" is a person). A role resolves to
   the most recent *established speaker* of its kind, else to the most recent
   gazetteer mention of its kind, else to itself as written; a role that names a side (``role_sides``: "the
   Japanese premier") resolves only to entities of that side (``sides``), and
   to nobody if there is none. Established speakers are, in text order: the
   subject of a speech verb in narrator text (a candidate followed by up to
   three lower-case words and a verb: "Peskov told", "Abe later called"; "According to X,"; or an inverted
   verb of ``name_after_verbs`` after a comma: "..., said Irina Belova, an analyst"), the *subject* of a sentence or clause with a speech verb
   (its candidates before the verb, the first opening the clause: the first
   person named among them, "Kremlin spokesman Dmitry Peskov said", else the
   first of them), a role naming a side that opens a sentence ("The
   Japanese premier once again expressed ..."), and the speaker found for a
   quotation by rule 4b (also when carried on by 4d). More candidates: a first name right after a speech
   verb (``name_after_verbs``: '"...," said Denis, a fisherman' -> "Denis", not the apposition); a side's
   possessive and a head noun (``possessive_speaker_heads``: "Japan's Ambassador to Australia said" ->
   "Japan's Ambassador"); a body named by a proper noun and a lower-case adjective before an
   ``organisation_heads`` noun ("The Hokkaido prefectural government said"); a side's place opening a sentence, a government speaking through its capital
   (``side_place_speakers``: "Moscow walked away, citing Tokyo's "unfriendly" sanctions"; no role resolves
   to it). A pronoun after a lower-case verb is an object, never a speaker ("calling it "a ritual""); a
   pronoun resolves first to a described person opening a sentence since the last established speaker
   ("A Russian acquaintance ... sees it differently. "...," she told me"). A quotation's speaker is the
   first that applies of:

   a. the subject of a naming cue whose scope contains the opening mark (a side word qualifying a plural noun:
      the group as written, "Some Japanese critics call it a "..."", :mod:`~kuril_research.ingest.voice.side_groups`);
   b. the attribution clause — from the closing mark to the end of its
      sentence (or of the next sentence, when the splitter broke right after
      the mark and that sentence starts lower-case), stopping at the next
      quotation: if it has a speech verb (not one after "who"/"which"), the
      clause's subject when a candidate opens it ('"...," Keiichi Morita, an
      official at ..., told AFP'), else the candidate nearest the verb (the one
      before it on a tie) — never a farther known person; with no candidate, the clause's noun phrase as
      written ('"...," the Japanese government said'; '"...," said the regional authorities'), or the person
      named before with its head noun and no other side ('"...," the Japanese minister said': Fumio Kishida);
   c. for a fragment inside a narrator sentence, the subject of a speech clause set off by commas before it
      ("Tokyo, it said, had chosen "..."", :mod:`~kuril_research.ingest.voice.parentheticals`), else a text that is the
      subject of a verb of wording, as written ("Japan's annual report repeated that ... "..."", "a resolution ..., which calls
      them "..."", "According to the text,": :mod:`~kuril_research.ingest.voice.texts`), else the sentence's subject when its
      speech verb comes before the fragment, else the nearest candidate before
      it in the same sentence, unless that candidate owns a speech noun
      ("Ishiba’s remark about ...", ``speech_nouns``) (not *established*); a fragment in the content of a
      statement someone owns is the owner's, before any attribution clause ("Commenting on Tokyo's statement
      about the "occupied" islands, Peskov said": Tokyo; "remarks by X last week that ... "..."": X), but not
      one a copula judges ("X's statement, reported by Y, was "inadmissible"");
   d. a sentence ending in a colon right before the quotation ("The Kremlin was blunt: "...""), else the latest
      speaker event of the same paragraph before the quotation (an "X said." sentence, or the previous
      quotation's speaker), else a person opening the sentence right before it ("Tomoko Sato was blunt. "..."");
   e. for a quotation opening its paragraph, the previous paragraph's speaker: the speaker of its unclosed
      last quotation (a quotation continued), else a person opening its last sentence ("The chairman, Taro
      Ueda, put it plainly:"; a described person too when the paragraph ends in a colon: "An elderly man
      ... put it to me this way:"), else that paragraph's latest speaker ("Nozdrev told TASS on Thursday.");
   f. otherwise ``None``.

   Attribution grammar that these steps follow: a speech verb after "and"/"but" right after the closing mark
   is a second predicate of the sentence's own subject, no attribution clause ('... "incompatible" and said
   the protest went through the embassy'); a participle (", calling ...", ", stating ...") belongs to the
   reporting clause before it ("..., Japan's government said, calling the decision "..."") else to the
   sentence's opening subject; the antecedent of ", which/who <speech verb>" speaks the fragment in that
   clause ("a protest from Tokyo, which called the move "...""); "X was quoted by AGENCY as saying": X, never
   the relay; "In a statement, X said": X (a phrase after a preposition is no subject); "the ministry's
   statement said": the ministry named before, else the statement as written. A person's name opening an
   attribution, before or after the verb, speaks; the names in the apposition or the of/at/from-phrase after
   it, a possessor among them ("said Dr X, an analyst at King's College London", "X of Moscow's Higher School
   of Economics said"), say where the person works (``affiliation``), unless "quoting"/"citing" hands the
   words on ("said X, quoting Y": Y); with no person named, the institution speaks.

   **Soundbites without marks** (:func:`~kuril_research.ingest.voice.quotes.find_quotes`): a broadcast transcript
   may print a speaker's words without quotation marks after the sentence that introduces them ("A resident,
   88, said she was disappointed. I was born on Shikotan."): in a paragraph with no quotation, a sentence in the
   first person singular right after a sentence with a speech verb begins a quotation that runs to the
   paragraph's end, unless the narrator has written "I" before it outside quotations (a column); a presenter
   naming himself ("I'm Mori Takashi with the news") does not count.

   **Transcripts** (:mod:`~kuril_research.ingest.voice.turns`): when two or more paragraphs open with a
   speaker label (a person: "Maria Zakharova:", "Mr. Ken Oda:", "Hosokawa, Hokkaido Shimbun:", "NHK, Okuzumi:",
   "M.Zakharova:"; a title and a name: "President of Russia Vladimir Putin:", "Mr. Taro Kono, Minister for Foreign
   Affairs:" (a name after its title counts when the title holds a ``turn_roles`` role); a role of
   ``turn_roles``: "Prime Minister:", "Moderator:", "Reporter (Ota, Hokkaido Shimbun):", "Chair (Ms. Anna
   Berg):"; a question label: "Question:"), each such paragraph after its label is one quotation of that
   speaker, whatever quotation marks it holds, and every name in it is ``quoted`` (no naming cue applies).
   A label alone on its line ("Naomi Carver:") speaks the paragraphs below it; a soundbite label
   ("(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTER, SERGEI LAVROV, SAYING:") the quotation below it; a lone
   family name ("MR PRICE:", "Kishida:") is the person named before with it; ``turn_roles.not_speaker``
   labels ("Photo:", "Who:") never speak. A quotation a turn attributes to someone else in the same
   sentence ('As Ambassador Emanuel put it, "..."') is that person's.
   A question label names nobody (its speaker is the label as printed, "Question" or "Q", with no entity) unless
   the questioner introduces himself ("Kenji Mori, Hokkaido Daily.").
   Under a headline naming the page's speaker ("Briefing by Foreign Ministry Spokeswoman X", "Remarks by ..."),
   the prose paragraphs before the first labelled turn are the opening statement of the headline's person
   who has turns (headings without final punctuation left out). A speech printed without labels under such a
   headline ("Address by Prime Minister X at ..."; ``turn_roles.speech`` nouns, not a "Statement by") is that
   person's turn from its first prose paragraph, when that paragraph speaks in the first or second person.
   A lone word that opens two or more paragraphs ("Sugimura:", "APJJF:") is an interview's label when the
   text writes a full name ending in it, or when it is an acronym (the interviewer's journal or outlet)
   beside other turns.
   Unlabelled paragraphs after a turn go on with it while they speak in the first or second person
   (``turn_continuation_words``), and over up to three paragraphs that end their sentences without doing so,
   when one that does follows or the next label does (a leader's statement under his label). A lone family name takes the full name written earlier. "Q:" and "A:"
   turns are an interview of the person named before the first of them
   (:mod:`~kuril_research.ingest.voice.interviews`); on a FAQ page that names nobody they are the outlet's own voice.
   A recurring label whose turns ask is the interviewing outlet ("Mainichi:"); an interview printed as bare
   questions and answers (its bold lost in the copy) is one only with an interview cue, an identified interviewee
   and answers in the first person (:mod:`~kuril_research.ingest.voice.bare_interviews`), never an explainer's FAQ.
   A quotation holding only an organisation's or a homonym's
   name (the "Iturup" youth forum) is a title, like a scare quote: no quotation.

**One person, several namings** (round 14): a description and the name in apposition with it are one person
('A resident, fish factory worker Anna Roe, told ...'; 'Anna Roe of the cooperative,'); a role whose head noun was
given to a named person as a title resolves to that person ('X, the senator for ... "...," the senator said'); an
indefinite speaker taken up by the next attribution with "the" and its head noun is the name it gives ('an analyst
said ... "...," said the analyst, X'); a lone family name is the gazetteer person named in full before; a
possessive ends a name the gazetteer does not know. A naming cue's scope gives no quotation after the name it
gave ('the islands it calls the Northern Territories was "unchanged"'); the verb after an apposition's closing
comma is its head's; a sentence reported by a trailing attribution ('..., the agency said') is that
attribution's subject's for a later "it".

Role resolution knows kinds and sides, not titles: "the premier" after "Peskov
said" is Peskov.
"""

from __future__ import annotations

from kuril_research.ingest.voice.lexicon import load_voice_lexicon
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.mark import mark_voice
from kuril_research.ingest.voice.model import Quote, VoicedMention
from kuril_research.ingest.voice.quotes import find_quotes

__all__ = ["Quote", "VoicedMention", "VoiceLexicon", "find_quotes", "mark_voice", "load_voice_lexicon"]
