"""The parts of a hand-made news page that the page-head tests share: a headline, the story's first paragraph
(a lead of 20 words or more ending a sentence) and a second paragraph."""

HEADLINE = "Ferry to the islands to resume next month"
LEAD = ("Japan and Russia agreed on Monday to resume the ferry between Nemuro and the islands next month, officials "
        "said, ending a pause of two years.")
MORE = "The ministry said the first crossing would carry about forty former residents."
