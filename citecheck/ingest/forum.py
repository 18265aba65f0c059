"""Split a forum thread into posts and find the forum's furniture ("chrome").

Threads copied from web forums carry header lines before each post (member name, rank, join
date, post count, location, post number), reaction and edit lines after it, polls, quoted
replies and lists of similar threads; blogs and other platforms add bylines, reading times and
"Categories:" or "Related:" lines. Chrome is blanked from the prose view so that no rule ever
reads it as content; posts let every finding name the post it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.ingest.markup import iter_lines
from citecheck.ingest.pages import PAGE_FURNITURE
from citecheck.letters import EMOJI, EMOJI_MODIFIER
from citecheck.model import Post, Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_POST_NUMBER = re.compile(
    # XenForo writes the post's date before its number: "Apr 29, 2023   #1"
    r"^\s*(?P<dated>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4}|"
    r"\d{1,2}/\d{1,2}/\d{2,4})[ \t]+)?(?:Post\s*|Reply\s*|Message\s*)?#\s?(?P<number>\d{1,7})\s*(?:[·|•-].*)?$",
    re.IGNORECASE)
# a GitHub issue's comment header ("jtanaka-dev commented on 3 Mar") and its timeline events
_GITHUB_COMMENT = re.compile(r"^\s*(?P<name>[\w.-]{2,39}(?:\[bot\]|\s+bot)?)\s+commented\s+(?:on\s+)?"
                             r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:•.*)?$")
_GITHUB_EVENT = re.compile(r"^\s*[\w.-]{2,39}(?:\[bot\]|\s+bot)?\s+(?:added|removed|linked|closed|reopened|"
                           r"mentioned|referenced|assigned|unassigned|self-assigned|requested|approved|merged|opened|"
                           r"changed|pushed|locked|pinned|marked|deleted|converted|transferred)\b.{0,160}\b"
                           r"(?:on\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2})(?:,?\s+\d{4})?|ago)\b.{0,80}$")
_PHPBB = re.compile(r"^\s*(?:Post\s+)?by\s+(\S.{0,40}?)\s+»\s+.{6,60}$")
_REDDIT_USER = re.compile(r"^\s*(?:Posted by\s+)?u/[\w-]{2,40}\s*(?:[·•|].{0,60})?$")
_TIMESTAMP = re.compile(r"^\s*(?:[·•]\s*)?\d+\s*(?:yr|y|mo|d|h|m|min|hr)s?\.?\s+ago\b.{0,60}$|"
                        r"^\s*(?:edited|Edited)\b.{0,40}$", re.IGNORECASE)
# old Reddit: "[–] tritium_kid 102 points 3 hours ago", "[–] [deleted] 14 points 3 hours ago"
_OLD_REDDIT = re.compile(r"^\s*\[[–-]\]\s+(?:\[deleted\]|(?P<name>[\w-]{2,40}))(?:\s+\[[A-Z]\])*\s+"
                         r"(?:[\d,.]+k?\s+points?|\[score hidden\])\s+.{0,40}?\bago\b.{0,60}$")
# Hacker News: "mtrevelyan 8 hours ago | parent | next [-]" (the story's line and the menu bar are in _CHROME_LINE)
_HACKER_NEWS = re.compile(r"^\s*(?P<name>[\w-]{2,40})\s+\d+\s+(?:minutes?|hours?|days?|months?|years?)\s+ago"
                          r"(?:\s+\|\s+(?:parent|prev|next|root|context|flag|unflag|favorite|on:[^|\n]{1,80}?))*"
                          r"\s*\[[–-]\]\s*$")
# a chat export (Discord, Slack): "Anna K. — Today at 14:02", "kestrel — 03/14/2024 2:24 PM",
# "[14:02] Anna K.:" is not a header line but a message, and is left alone
_CHAT_HEADER = re.compile(
    r"^\s*(?:│[ \t]*)?(?P<name>\S[^\n]{0,40}?)(?:[ \t]+(?:[—–-][ \t]+)?(?:(?:Today|Yesterday|Last [A-Z][a-z]+)[ \t]+at"
    r"[ \t]+|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+)|[ \t]{2,}(?=\d{1,2}:\d{2}[ \t]?[AaPp][Mm][ \t]*$))"
    r"\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$")  # Discord's "name — Today at 14:02", Slack's "Name  9:04 AM"
# DiscordChatExporter's text export: "[27-Oct-23 09:18 PM] Tovarish_Teapot" on a line of its own (with a colon
# after the name the message goes on on the same line: see _INLINE_CHAT)
_BRACKET_CHAT_HEADER = re.compile(
    r"^\s*\[(?:\d{1,4}[./-](?:\d{1,2}|[A-Z][a-z]{2})[./-]\d{2,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?\][ \t]+(?P<name>[^\s:\[\]][^:\n\[\]]{0,39}?)[ \t]*$")
# LinkedIn's member line over a comment: "Dr Katrin Vogel • 1st", "Richard Hale-Morton  Author"
_LINKEDIN_MEMBER = re.compile(r"^\s*(?P<name>[^\n•]{2,60}?)(?:[ \t]+•[ \t]+(?:1st|2nd|3rd\+?)|[ \t]{2,}Author)[ \t]*$")
# a Kindle clipping's header, under the line naming the book: "- Your Highlight on page 14 | Location 203-207 | …"
CLIPPING_HEADER = r"-?[ \t]*Your (?P<what>Highlight|Note|Bookmark|Clipping)\b"
_CLIPPING = re.compile(rf"^\s*{CLIPPING_HEADER}[^\n]{{0,160}}$")
_CLIPPINGS_SEPARATOR = re.compile(r"^\s*={8,}\s*$")
# a phone chat export (WhatsApp, Signal, Telegram): "[15/01/2024, 08:31] Emeka: text", "15/01/2024, 08:31 - Emeka:
# text"; the date, time and sender are the header of a message that goes on on the same line; so are the time
# and speaker of a transcript, "[14:00:09] GILL PASCOE: text"
_INLINE_CHAT = re.compile(
    r"^\s*\u200e?(?:\[(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?\][ \t]*|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}"
    r"(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?[ \t]+-[ \t]+)(?P<name>[^:\n\[\]]{1,40}?):(?:[ \t]+|$)")
# a transcript's speaker, in capitals, before what they say: "CURATOR:", "DR REID:", "QUESTIONER 2 (Cardiff):"
_SPEAKER_LABEL = re.compile(r"^\s*(?:(?:DR|PROF|MR|MRS|MS|SIR|REV)\.?[ \t]+)?[A-Z][A-Z'’.-]+"
                            r"(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}(?:[ \t]+\d{1,2})?(?:[ \t]*\([^()\n]{1,80}\))?"
                            r":(?:[ \t]+|$)")
# what the chat application writes in place of a message (its notices of members joining or leaving carry
# no "Name:" and are not message lines at all; "the British left" after a name is somebody's message)
_CHAT_SYSTEM = re.compile(
    r"^\s*\u200e?(?:<Media omitted>|<attached:[^>\n]*>|(?:image|video|audio|sticker|GIF|document) omitted|"
    r"This message was deleted\.?|You deleted this message\.?|Missed (?:voice|video) call|"
    r"Messages and calls are end-to-end encrypted\..*|"
    r"<This message was edited>|Waiting for this message\..*|Forwarded(?: as received| many times)?\W*)\s*$",
    re.IGNORECASE)
# Invision Community: "Posted August 22, 2022 (edited)" ends a post's header
_INVISION = re.compile(rf"^\s*Posted\s+(?:on\s+)?{_MONTH}\.?\s+\d{{1,2}},\s+\d{{4}}(?:\s+at\s+[\d:]+\s*[APap][Mm])?"
                       r"(?:\s*\(edited\))?\s*$")
# Invision's quote header: "On 22/08/2022 at 21:40, Cork_Historian said:"; the quote runs to the blank line
_INVISION_QUOTE = re.compile(r"^\s*On\s+\d{1,2}/\d{1,2}/\d{2,4}\s+at\s+\d{1,2}:\d{2}(?:\s*[APap][Mm])?,\s+\S.{0,40}?"
                             r"\s+said:\s*$")
# a mailing list's message or digest: a block of "Date:", "From: Name <address>", "Subject:" lines
_MAIL_HEADER = re.compile(r"^(?:Date|From|To|Cc|Subject|Reply-To|Sender|Message-ID|In-Reply-To|Organization):[ \t]+\S")
_MAIL_FROM = re.compile(r"^From:[ \t]+\"?(?P<name>[^<>\"\n]*?)\"?[ \t]*(?:<[^<>\n]+>)?[ \t]*$")
# a blog's or social site's comment header on a line of its own: "**jerrycan** - 14 April 2025 at 08:40",
# "Pieter Van Damme · 2 June 2023 at 21:14", "**Julie H.** · 14 Nov 2023"; after a plain hyphen the time must
# follow too ("Arras - 9 April 1917" is a timeline's line)
_COMMENT_DATE = rf"(?:\d{{1,2}}[ \t]+{_MONTH}\.?[ \t]+\d{{4}}|{_MONTH}\.?[ \t]+\d{{1,2}},[ \t]+\d{{4}})"
_COMMENT_TIME = r",?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_COMMENT_BYLINE = re.compile(
    rf"^[ \t]*[*_]{{0,2}}(?P<name>[^\s*_·•|#>\[(-][^\n*_·•|]{{0,40}}?)[*_]{{0,2}}[ \t]+"
    rf"(?:[·•|–—][ \t]+{_COMMENT_DATE}(?:{_COMMENT_TIME})?|-[ \t]+{_COMMENT_DATE}{_COMMENT_TIME})[ \t]*$")
# Simple Machines Forum: "« Reply #3 on: Wednesday 15 March 23 09:30 »", the first post's "« on: ... »"
_SMF = re.compile(r"^\s*(?:Reply\s+#\d+\s+on:|«\s*Reply\s+#\d+|«\s*on:\s).{0,80}$", re.IGNORECASE)
_HEADER_LINE = (
    re.compile(rf"^{_MONTH}\.?\s+\d{{4}}$"),  # join date "Nov 2015"
    re.compile(r"^(?:Joined|Join date|Member since|Registered):?\s+.{0,30}$", re.IGNORECASE),
    re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d{1,7}$"),  # post count
    re.compile(r"^(?:Posts|Messages|Reaction score|Points|Karma|Location|Age|From):?\s+.{0,40}$", re.IGNORECASE),
)
_STRONG_HEADER = (_HEADER_LINE[0], _HEADER_LINE[1], _HEADER_LINE[2], _HEADER_LINE[3])
_STAMP = rf"{_MONTH} \d{{1,2}}(?:, \d{{4}})? at \d{{1,2}}:\d{{2}}"
# a Stack Exchange comment ends with its signature: "... afterwards? – Hugh Pellow Oct 22, 2017 at 08:03"
_COMMENT_SIGNATURE = re.compile(rf"[ \t]+[–—][ \t]+\S[^–—\n]{{0,40}}? {_STAMP}[ \t]*$")
# a Wikipedia talk-page signature ends a comment: "... per WP:V. Mikoyan_Gurevich (talk) 11:17, 19 June 2021 (UTC)"
_TALK_SIGNATURE = re.compile(
    r"[ \t]*(?:[—–-]+[ \t]*)?(?:[Pp]receding unsigned comment added by[ \t]+)?(?P<name>\S{1,60})[ \t]+"
    r"\(talk(?:[ \t]*[·|•][ \t]*contribs)?\)[ \t]+\d{1,2}:\d{2},[ \t]+\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}"
    r"[ \t]+\(UTC\)[ \t]*$")
# a wikitext section heading: "== Was it a plot? =="
WIKI_HEADING = re.compile(r"^\s*(={2,5})[^=\n]{1,150}\1\s*$")
_DATELINE = (rf"[*_]*(?:{_MONTH}\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}})[*_]*\s*[·•|]\s*"
             r"(?:[*_]*[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|and|a|an|in|on|for)){0,6}[*_]*"
             r"|\d+ min(?:ute)? read)\s*")  # the newsletter's name, in title case: not "Germany invades ..."
_DATELINE_LINE = re.compile(rf"\s*{_DATELINE}$", re.IGNORECASE)
_BYLINE_NAME = re.compile(r"^\s*[*_]{0,2}[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}[*_]{0,2}\s*$")
_CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"Last edited(?: by .{0,60})?:?.{0,60}"
    r"|Likes?:\s*.{0,200}"
    r"|Reactions?:\s*.{0,200}"
    r"|\S.{0,60} (?:likes|like) this\.?"
    r"|Click to (?:expand|shrink)\.*"
    # Hacker News: "412 points by rkestrel 9 hours ago | flag | hide | 187 comments", the menu bar, "reply"
    r"|\d+\s+points?\s+by\s+[\w-]{2,40}\s+\d+\s+\w+\s+ago\b.{0,120}|Hacker News(?:\s+\|\s+\w+){3,}.{0,80}|reply"
    r"|(?:\[(?:deleted|removed)\]|(?:this|the)\s+(?:comment|post|message|reply)\s+(?:has\s+been|was)\s+"
    r"(?:deleted|removed)(?:\s+by\s+[^\n]{1,40})?)\.?"
    # shop reviews: "41 people found this helpful", "Reviewed in the United Kingdom on 14 March 2020",
    # "Format: Hardcover | Verified Purchase", "Helpful | Report"
    r"|(?:One person|[\d,]+ people) found this helpful\.?"
    r"|Reviewed in (?:the )?[A-Z][\w ]{2,40} on .{6,30}"
    r"|(?:Format: [^|\n]{2,40}\|[ \t]*)?Verified Purchase"
    r"|Helpful[ \t]*(?:[|·][ \t]*)?Report(?: abuse)?"
    # newsgroups and mail: "Richard Hallam <r.hallam@example.com> wrote:", "... wrote in message news:<id>"
    r"|.{0,80}<[^@\s<>]+@[^@\s<>]+>[ \t]+wrote(?: in message)?\b.{0,120}"
    r"|(?:news:)?<?[^@\s<>]{4,}@[^@\s<>]{3,}>?\.{0,3}"
    # forum software and blogs: "Page created in 0.112 seconds with 24 queries.", an attachment's caption
    # "map.jpg (212.4 kB, 1024x768 - viewed 96 times.)", "2,341 notes", a line of tags "#history #stuarts"
    r"|Page created in [\d.]+ seconds with \d+ queries\.?"
    r"|[\w.-]+\.(?:jpe?g|png|gif|pdf|webp|zip)[ \t]*\([\d.]+[ \t]*[kKMG]i?B\b[^)\n]{0,60}\)\.?"
    r"|[\d,.]+k?[ \t]+notes"
    r"|#[\w-]+(?:[ \t]+[^#\n]{0,40})?(?:[ \t]+#[^#\n]{1,40}){1,}"
    # a comment's header on review and social sites: "casbah_cinephile  2mo", "tobias_w · 1y"
    r"|@?[\w.-]*[_\d.][\w.-]*[ \t]+(?:[·•][ \t]+)?\d{1,3}[ \t]?(?:mo|y|yr|yrs|w|wk|d|h|hr|min)\.?(?:[ \t]+ago)?"
    # a newsletter's small print
    r"|Registered charity (?:no\.?|number)[ \t]*\d[\d ]{3,}.{0,80}"
    r"|You are receiving this (?:e-?mail |newsletter )?because\b.{0,300}"
    r"|(?:To )?unsubscribe\b[^.\n]{0,80}(?:here|link|click|preferences|e-?mail|\||:)?[^.\n]{0,40}"
    r"|(?:©|\(c\)|Copyright[ \t]+(?:©|\(c\)|\d{4}))[ \t]*(?:\d{4}[ \t]*)?(?:by[ \t]+)?[A-Z].{0,160}"
    # page and review furniture: "This page was last edited on 2 February 2024, at 17:41 (UTC).", a review's
    # "Reviewed by X (University of Y)" and "Published on H-War (March, 2023)", an abstract's "Keywords: ..."
    r"|This page was last (?:edited|modified) on .{4,60}"
    r"|Reviewed by [A-Z][^.!?,\n]{2,100}"
    r"|Published (?:on|in) [A-Z][\w&' -]{1,40}(?:[ \t]*\([^()\n]{2,30}\))?\.?"
    r"|Key ?words?:.{2,300}"
    # a subreddit's flair, a sponsor's line, a chat bot's level-up: "Verified flair: Great War | British Army",
    # "This week's episode is sponsored by Ledgerly.", "GG @hawkeye_mash, you just advanced to level 12!"
    r"|(?:Verified )?[Ff]lair:.{1,80}"
    r"|(?:This|Today['’]s|This week['’]s)[ \t]+(?:episode|video|post|issue|newsletter|show)[ \t]+is[ \t]+"
    r"(?:sponsored|brought to you)[ \t]+by[ \t]+[^.!?\n]{1,60}[.!]?"
    r"|GG[ \t]+@?[\w.-]+,?[ \t]+you just advanced to level \d+!?"
    # a chat export's notice, a shop's delivery line, a digest's reply instructions
    r"|(?:\[?[\d/.,: APMapm\u202f]+\]?[ \t]*-?[ \t]*)?Messages and calls are end-to-end encrypted\..{0,200}"
    r"|Free (?:UK |US |EU )?(?:delivery|shipping|returns)\b.{0,160}"
    r"|When replying, please edit your Subject line.{0,160}"
    r"|Results are only viewable after voting\.?"
    r"|You must log in or register to reply here\.?"
    r"|Total voters:?\s*[\d,]*"
    r"|(?:Reply|Share|Report|Save|Quote|Like|Upvote|Downvote|Permalink|Show more|Show less|Bookmark|Logged)"
    r"|level \d+"
    r"|· \d+ (?:yr|mo|d|h|m)\.? ago"
    r"|Originally Posted by .{1,60}"
    r"|Quote from:? .{1,80}"
    r"|Quote(?: \(.{1,60}\))?:"
    r"|Sponsored"
    r"|Promoted by [^.!?\n]{1,60}"  # Quora's advertisement between answers
    # a Mastodon boost's or an X repost's header: "🔁 Kev the Librarian 📚 boosted", "Ann Lee reposted"
    r"|(?:🔁[ \t]*)?[^.!?\n]{1,60}?[ \t]+(?:boosted|reposted|retweeted)"
    r"|Advertisement"
    r"|Board index\b.{0,200}"
    r"|Print view\b.{0,120}"
    r"|Display posts from previous:.{0,200}"
    r"|Post a reply|Post Reply|Reply with quote|Quick reply|Jump to.{0,80}|Return to.{0,120}|Top"
    r"|Page \d+ of \d+.{0,60}"
    r"|Moderators?:.{0,120}"
    r"|Who is online.{0,200}|Users browsing this forum:.{0,200}"
    r"|Powered by .{0,120}"
    r"|Joined:.{0,60}|Posts:\s*[\d,]+|Location:.{0,60}"
    r"|\[ ?\d+ posts? ?\]"
    r"|[\d.,]+k?\s+(?:points?|comments?|upvotes?|votes?|replies|likes?|reposts?|quotes?)"
    # Slack: ":wave: 6   :books: 3", "3 replies   Last reply 4 days ago", a link preview's domain line;
    # LinkedIn: "Like · Reply · 2d     👍 47", "3d • Edited • 🌐", "+ Follow", "Like  Comment  Repost  Send"
    r"|(?::[a-z0-9_+-]{2,40}:[ \t]*\d{1,5}[ \t]*)+"
    r"|\d+ repl(?:y|ies)(?:[ \t]+Last reply\b.{0,40})?"
    r"|(?<=[ \t]{2})[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}"
    r"|Like[ \t]+·[ \t]+Reply\b.{0,80}"
    r"|\d{1,2}(?:h|d|w|mo|yr)[ \t]+•.{0,40}"
    r"|\+[ \t]*Follow|Like[ \t]+Comment[ \t]+(?:Repost|Share)(?:[ \t]+Send)?|Most relevant\b.{0,4}"
    r"|(?:…|\.\.\.)see more"
    r"|={8,}"
    # a transcript's stage direction on a line of its own: "[14:00:02] [jingle: Radio Tamar]", "[music]"; not a
    # transcriber's note of sentences ("[Cutting. Shields Gazette, 5 October 1936.]")
    r"|(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?\[(?![^\]\n]*[.;][ \t]+[A-Z])[^\]\n/]{1,160}\]"
    r"|\d+(?:\.\d)?k"
    r"|Sort(?:ed)? by:.{0,80}|Give Award|Award|more repl(?:y|ies)|Continue this thread.{0,10}"
    r"|View (?:more|all)(?: [\d,]+)? comments?"
    # a comment's footer, a site's counts and path: "2w   9 likes   Reply", "4.5   412 reviews", "[ 23 bids ]",
    # "#3 of 29 things to do in Dieppe", "Europe > France > Normandy > Dieppe"
    r"|\d{1,3}[ \t]?(?:s|m|h|d|w|mo|y)(?:[ \t]+[\d,.]+k?[ \t]+likes?)?(?:[ \t]+Reply)?"
    r"|(?:\d(?:\.\d)?(?:[ \t]+of[ \t]+5)?[ \t]+)?[\d,]+[ \t]+(?:reviews?|ratings?)"
    r"|\[ ?[\d,]+ bids? ?\]|#\d+ of [\d,]+ [^.\n]{1,60}"
    r"|[^>\n]{1,40}(?:[ \t]+>[ \t]+[^>\n]{1,60}){3,}"
    # TikTok, YouTube and Instagram: "View 41 replies", "Hide replies", "♬ original sound - 60 Second History"
    r"|View \d[\d,.]*k?[ \t]+(?:more[ \t]+)?repl(?:y|ies)|Hide repl(?:y|ies)|♬.{1,100}"
    # vBulletin's thanks and its posting rules: "The Following 3 Users Say Thank You to X For This Useful Post:"
    r"|The Following (?:\d+ )?Users? Says? Thank You to .{1,60} For This Useful Post:?"
    r"|(?:BB code|Smilies|\[IMG\] code|\[VIDEO\] code|HTML code|Trackbacks|Pingbacks|Refbacks) (?:is|are) (?:On|Off)"
    r"|You may(?: not)? (?:post new threads|post replies|post attachments|edit your posts)"
    r"|Posting Rules|Forum Rules"
    r"|r/[\w-]{2,40}"
    r"|(?:[·•]\s*)?\d+\s*(?:yr|y|mo|d|h|m|min|hr)s?\.?\s+ago\b.{0,60}"
    # thread and page headers of XenForo, vBulletin, SMF, Quora and blogs
    r"|Discussion in ['‘\"].{1,120}['’\"] started by .{1,80}"
    r"|(?:Thread starter|Start date|Reaction score)\b.{0,60}"
    r"|All times are (?:GMT|UTC).{0,80}"
    r"|.{1,200}\(Read [\d,]+ times\)"
    r"|«\s*on:.{0,60}"
    r"|All related \(\d+\).{0,60}"
    r"|[*_]*(?:.{0,160}[·•|]\s*)?\d+ min(?:ute)? read[*_]*"
    r"|[*_]*By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*\|.{0,160}"
    r"|[*_]*(?:Categories|Category|Tags|Filed under|Related(?: articles| posts| reading)?|Read (?:more|next)|"
    r"More from [^:]{1,40}|You (?:may|might) also like|Share(?: this)?|Trending|Most read|Up next)\s*:.{0,400}"
    r"|[*_]*(?:posted|published|written|updated|last updated|filed)(?:\s+on)?\s+(?:[^.|\n]{0,40}?\s)?by\s+"
    r"[^|·•.\n]{2,60}(?:[|·•].{0,400})?"
    # Stack Exchange: "Asked 6 years ago  Modified 2 years ago  Viewed 18k times", "answered Oct 21, 2017 at 11:52"
    r"|Asked\s+.{1,40}?\bago\b.{0,120}"
    # a newsletter's dateline and counters: "Sep 2, 2024 · *The Lantern Room*", "♡ 318 · 💬 42 · ↻ Share"
    rf"|{_DATELINE}"
    r"|(?=[^\n]*[♡♥❤💬↻🔁👍👎])[♡♥❤💬↻🔁👍👎\d\s·•|,.kK]+(?:Share|Restack|Reply|Like)?"
    # a TikTok or Instagram comment's header: "maritimer_mom ❤ 3,412", "@jess_history · Creator ❤ 611"
    r"|@?[\w.]{2,40}(?:[ \t]*·[ \t]*(?:Creator|Author|OP|Verified))?[ \t]+[♡♥❤][ \t]*[\d,.]+[kKmM]?"
    # a chat message's reactions, "👍 3  📚 1", and a chat's day divider, "──── March 13, 2024 ────"
    rf"|(?:[{EMOJI}][{EMOJI_MODIFIER}]?[ \t]*\d{{1,5}}[ \t]*)+"
    r"|[─━—–-]{3,}[ \t]*[^─━—–\n]{3,40}?[ \t]*[─━—–-]{3,}"
    # phpBB's quote header: "Tommy_Atkins_44 wrote: ↑Tue Mar 14, 2023 8:12 pm"
    r"|\S.{0,60}? wrote:\s*↑.{0,60}"
    rf"|(?:asked|answered|edited|modified|commented)\s+{_STAMP}"
    # old Reddit's thread header and comment buttons, vBulletin's thread navigation, wikitext templates
    r"|submitted\s+.{1,40}?\bago\b.{0,100}"
    r"|(?:all\s+)?[\d,]+\s+comments(?:\s+(?:share|save|hide|report|crosspost|give award))*"
    r"|(?:(?:permalink|embed|save|parent|report|reply|share|hide|crosspost|give award)\s*){2,}"
    r"|\[(?:deleted|removed)\]"
    r"|«\s*Previous Thread\s*\|\s*Next Thread\s*»"
    r"|\{\{(?!\s*(?:[Cc]ite[ _]|[Cc]itation\b|sfnp?\b|harv))[^{}\n]{1,2000}\}\}"  # a template, not a citation
    # a comment's byline, name first: "**Pete Oakley** · 20 March 2024", "Ruth Ashdown (WRLA) · 20 March 2024, 14:02"
    r"|[*_]{0,2}[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|\([A-Z][\w .'’-]{0,30}\))){0,3}[*_]{0,2}[ \t]*[·•|][ \t]*"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})"
    r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}:\d{2}(?:[ \t]?[ap]\.?m\.?)?)?"
    # Invision Community: "Edited August 22, 2022 by X", "Like 11   Thanks 4   Quote", topic furniture,
    # a breadcrumb trail "Forums › Modern Ireland › Revolution"
    rf"|Edited\s+{_MONTH}\.?\s+\d{{1,2}},\s+\d{{4}}(?:\s+at\s+[\d:]+\s*[APap][Mm])?\s+by\s+.{{1,60}}"
    r"|(?:(?:Like|Thanks|Haha|Confused|Sad|Upvote|Agree|Informative)\s+\d+\s*)+(?:Quote)?"
    r"|Followers\s+\d+|Reply to this topic.{0,40}|Start new topic|Recommended Posts"
    # a mailing-list digest's own lines
    r"|There (?:are|is) \d+ messages? totall?ing \d+ lines? in this issue\.?"
    rf"|By\s+\S.{{0,60}},\s+{_MONTH}\.?\s+\d{{1,2}},\s+\d{{4}}\s+in\s+.{{1,120}}"
    r"|[^›\n]{1,60}(?:\s›\s[^›\n]{1,80}){2,}"
    # Goodreads: "Anna Novak's review", "★★★★☆ really liked it", "Shelves: ww2", "84 likes · Like · Comment"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}['’]s review"
    r"|[★☆]{1,5}.{0,40}"
    r"|Shelves:.{0,300}"
    r"|[\d,]+\s+likes?(?:\s*[·•]\s*(?:Like|Comment|Reply|Share|Flag))+"
    r")\s*$",
    re.IGNORECASE,
)
_SAID = re.compile(r"^\s*(\S.{0,60}?) (?:said|wrote):\s*$")
_SIMILAR = re.compile(r"^\s*(?:Similar|Related) .{0,50}(?:Discussions|Threads|Topics|Posts)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•·*-]\s*\S.{0,40}$")


@dataclass(frozen=True, slots=True)
class ThreadLayout:
    posts: tuple[Post, ...]
    chrome: tuple[Span, ...]
    quotes: tuple[Span, ...]  # replies quoting another post ("X said: ... Click to expand...")


def _next_blank(texts: list[str], i: int) -> int:
    """The index of the first blank line after line ``i`` (or the number of lines)."""
    return next((k for k in range(i + 1, len(texts)) if not texts[k].strip()), len(texts))


def _is_header_like(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    return not (len(s) > 40 or s[-1] in ".!?:;,\"”)" or len(s.split()) > 4)


def _talk_comments(texts: list[str], is_chrome: list[bool],
                   signed: dict[int, re.Match[str]]) -> list[tuple[int, int, str | None, str | None]]:
    """A talk page's signed comments (``signed``: line index -> its signature) are its posts: each runs
    from the line after the last signature (or heading) to the line its own signature ends."""
    if len(signed) < 2:
        return []
    out: list[tuple[int, int, str | None, str | None]] = []
    start: int | None = None
    for i, text in enumerate(texts):
        if start is None and text.strip() and not is_chrome[i] and not WIKI_HEADING.match(text):
            start = i
        if i in signed and start is not None:
            out.append((start, start, None, signed[i].group("name").lstrip("—–-")))
            start = None
    return out


def _read_clippings(texts: list[str], lines: list[tuple[int, int]], is_chrome: list[bool],
                    header_starts: list[tuple[int, int, str | None, str | None]], quotes: list[Span]) -> None:
    """A Kindle "My Clippings" export: each clipping (the book's line, then "- Your Highlight on page …")
    is a post, and a highlight is a passage quoted from the book named above it."""
    clippings = [(i, m) for i, line in enumerate(texts) if "Your " in line and (m := _CLIPPING.match(line))]
    if len(clippings) < 2:
        return
    for i, m in clippings:
        is_chrome[i] = True
        header_starts.append((i - 1 if i and texts[i - 1].strip() else i, i, None, None))
        if m.group("what") != "Highlight":
            continue
        k = i + 1
        while k < len(texts) and not _CLIPPINGS_SEPARATOR.match(texts[k]) and not _CLIPPING.match(texts[k]):
            k += 1
        body = [j for j in range(i + 1, k) if texts[j].strip()]
        if body:
            quotes.append(Span(lines[body[0]][0], lines[body[-1]][1]))


def detect_thread(prose: str) -> ThreadLayout:
    lines = iter_lines(prose)
    texts = [prose[s:e] for s, e in lines]
    chrome: list[Span] = []
    header_starts: list[tuple[int, int, str | None, str | None]] = []  # line index, marker line, number, author
    is_chrome = [False] * len(lines)

    inline_chat = {i: m for i, line in enumerate(texts) if "]" in line or " - " in line
                   if (m := _INLINE_CHAT.match(line)) is not None}
    if len(inline_chat) < 2:
        inline_chat = {}  # one such line is a quotation of a chat, not an export
    speakers = [Span(lines[i][0], lines[i][0] + m.end()) for i, line in enumerate(texts)
                if i not in inline_chat and ":" in line and (m := _SPEAKER_LABEL.match(line)) is not None]
    if len(speakers) >= 2:  # a transcript's speakers: "DR REID:", "QUESTIONER 2 (woman in the third row):"
        chrome.extend(speakers)
    header_ends: dict[int, int] = {}  # line index -> where a header written on the message's own line ends
    quotes: list[Span] = []
    _read_clippings(texts, lines, is_chrome, header_starts, quotes)
    bylines = {i: m for i, line in enumerate(texts) if i not in inline_chat and (m := _COMMENT_BYLINE.match(line))}
    if len(bylines) >= 2:  # one such line is an article's byline, not a run of comments
        for i, m in bylines.items():
            is_chrome[i] = True
            header_starts.append((i, i, None, m.group("name").strip()))
    else:
        bylines = {}
    for i, m in inline_chat.items():
        header_starts.append((i, i, None, m.group("name").strip()))
        body = texts[i][m.end():]
        end = len(texts[i]) if _CHAT_SYSTEM.match(body) else m.end()
        chrome.append(Span(lines[i][0], lines[i][0] + end))
        header_ends[i] = lines[i][0] + end

    for i, line in enumerate(texts):
        if not line.strip() or i in inline_chat or i in bylines:
            continue
        number = None
        match = _POST_NUMBER.match(line)
        phpbb = _PHPBB.match(line)
        reddit = _REDDIT_USER.match(line)
        old_reddit = _OLD_REDDIT.match(line)
        if old_reddit:
            is_chrome[i] = True
            header_starts.append((i, i, None, old_reddit.group("name")))
            continue
        if "ago" in line and (hacker_news := _HACKER_NEWS.match(line)) is not None:
            is_chrome[i] = True
            header_starts.append((i, i, None, hacker_news.group("name")))
            continue
        if line.startswith("Topics of the day:"):
            # a digest's table of contents runs to the rule or the first message's headers
            for k in range(i, len(texts)):
                if k > i and (_MAIL_HEADER.match(texts[k]) or re.match(r"^\s*[-=_]{10,}\s*$", texts[k])):
                    break
                is_chrome[k] = True
            continue
        if line.startswith("From:") and (sender := _MAIL_FROM.match(line)) is not None:
            first = i
            while first > 0 and _MAIL_HEADER.match(texts[first - 1]):
                first -= 1
            last = i
            while last + 1 < len(texts) and _MAIL_HEADER.match(texts[last + 1]):
                last += 1
            if last > first:  # "From: my uncle, who was there" alone is no header
                for k in range(first, last + 1):
                    is_chrome[k] = True
                name = sender.group("name").strip() or None
                header_starts.append((first, last, None, name))
                continue
        github = _GITHUB_COMMENT.match(line) if "commented" in line else None
        if github:
            is_chrome[i] = True
            header_starts.append((i, i, None, github.group("name")))
            continue
        if _GITHUB_EVENT.match(line):
            is_chrome[i] = True
            continue
        chat = (_CHAT_HEADER.match(line) or _BRACKET_CHAT_HEADER.match(line)) if ":" in line else None
        if chat:
            is_chrome[i] = True
            header_starts.append((i, i, None, chat.group("name")))
            continue
        if reddit:
            # "u/name", then perhaps a flair line, then "6 yr. ago": the whole header is chrome
            end = i
            for k in range(i + 1, min(len(texts), i + 4)):
                if _TIMESTAMP.match(texts[k]):
                    end = k
                    break
            for k in range(i, end + 1):
                is_chrome[k] = True
            name = re.search(r"u/([\w-]+)", line)
            header_starts.append((i, end, None, name.group(1) if name else None))
            continue
        invision = _INVISION.match(line) if "Posted" in line else None
        smf = _SMF.match(line)
        if match or phpbb or invision or smf:
            number = f"#{match.group('number')}" if match else None
            if smf and (reply := re.search(r"Reply\s+#(\d+)", line)):
                number = f"#{reply.group(1)}"
            first = i
            author: str | None = phpbb.group(1) if phpbb else None
            evidence = bool(phpbb) or bool(invision) or bool(smf) or bool(match and match.group("dated"))
            j = i - 1
            if smf and j >= 0 and texts[j].strip() and not _is_header_like(texts[j]):
                first = j  # the post's subject line ("Re: Grandad in Burma ...") sits above its date
                j -= 1
            while j >= 0 and i - j <= 8 and _is_header_like(texts[j]):
                if texts[j].strip() and not is_chrome[j]:
                    if any(p.match(texts[j].strip()) for p in _STRONG_HEADER):
                        evidence = True
                    first = j
                j -= 1
            if not evidence and i > 0:
                continue
            if invision:
                # the member's block (name, rank, post count, location) sits right above, with no blank line
                first = i
                while first > 0 and texts[first - 1].strip() and i - first < 6:
                    first -= 1
                author = texts[first].strip() if first < i else None
            if author is None:
                # the member name comes before the join date and post count; a name-like line
                # after them is the member's location or rank
                for k in range(first, i):
                    s = texts[k].strip()
                    if any(p.match(s) for p in _HEADER_LINE):
                        break
                    if s and not _CHROME_LINE.match(s):
                        author = s
                        break
            header_starts.append((first, i, number, author))
            for k in range(first, i + 1):
                is_chrome[k] = True

    # running heads and "Downloaded by" lines repeat on every page of a copied PDF; one alone may be a table row
    page_furniture = {i for i, line in enumerate(texts) if PAGE_FURNITURE.match(line)}
    if len(page_furniture) < 2:
        page_furniture = set()
    similar_from: int | None = None
    signature_until = -1
    for i, line in enumerate(texts):
        if is_chrome[i]:
            continue
        if re.match(r"^\s*_{8,}\s*$", line) or re.match(r"^\s*-- ?$", line):
            # a signature: from the separator to the next blank line
            signature_until = _next_blank(texts, i)
        if i <= signature_until:
            is_chrome[i] = True
            continue
        if member := _LINKEDIN_MEMBER.match(line):
            # "Dr Katrin Vogel • 1st" over the member's headline ("Lecturer in … | Writing on …")
            is_chrome[i] = True
            header_starts.append((i, i, None, member.group("name")))
            if i + 1 < len(texts) and texts[i + 1].strip() and not texts[i + 1].rstrip().endswith((".", "!", "?")):
                is_chrome[i + 1] = True
            continue
        if _CHROME_LINE.match(line) or (i in page_furniture):
            is_chrome[i] = True
            if i > 0 and _DATELINE_LINE.match(line) and _BYLINE_NAME.match(texts[i - 1]):
                is_chrome[i - 1] = True  # the author's name set above the dateline
            if "viewable after voting" in line.lower() or "total voters" in line.lower():
                k = i - 1
                while k >= 0 and (not texts[k].strip() or _BULLET.match(texts[k]) or _is_header_like(texts[k])):
                    is_chrome[k] = True
                    k -= 1
        elif _SIMILAR.match(line) and similar_from is None:
            similar_from = i
        elif _INVISION_QUOTE.match(line):
            is_chrome[i] = True
            end = _next_blank(texts, i)
            if end > i + 1:
                quotes.append(Span(lines[i + 1][0], lines[end - 1][1]))
        elif _SAID.match(line):
            # a reply quoting an earlier post: the quoted text runs to "Click to expand..."
            for k in range(i + 1, min(len(texts), i + 200)):
                if re.match(r"^\s*Click to (?:expand|shrink)", texts[k], re.IGNORECASE):
                    is_chrome[i] = True
                    is_chrome[k] = True
                    quotes.append(Span(lines[i + 1][0], lines[k][0]))
                    break
    if similar_from is not None:
        next_post = [h for h in header_starts if h[0] > similar_from]
        stop = next_post[0][0] if next_post else len(lines)
        for k in range(similar_from, stop):
            is_chrome[k] = True

    i = 0
    while i < len(lines):
        if is_chrome[i]:
            j = i
            while j + 1 < len(lines) and is_chrome[j + 1]:
                j += 1
            chrome.append(Span(lines[i][0], lines[j][1]))
            i = j + 1
        else:
            i += 1
    talk_signed = {i: m for i, t in enumerate(texts) if "(UTC)" in t and (m := _TALK_SIGNATURE.search(t))}
    for i, (line_start, line_end) in enumerate(lines):
        if is_chrome[i]:
            continue
        dashed = "–" in texts[i] or "—" in texts[i]
        signature = (_COMMENT_SIGNATURE.search(texts[i]) if dashed else None) or talk_signed.get(i)
        if signature is not None:
            chrome.append(Span(line_start + signature.start(), line_end))
    chrome.sort()

    if not header_starts:
        header_starts = _talk_comments(texts, is_chrome, talk_signed)
    header_starts.sort(key=lambda h: h[0])

    posts: list[Post] = []
    for n, (first, marker, number, author) in enumerate(header_starts):
        start = lines[first][0]
        end = lines[header_starts[n + 1][0]][0] if n + 1 < len(header_starts) else len(prose)
        if similar_from is not None and lines[similar_from][0] > start:
            end = min(end, lines[similar_from][0])
        posts.append(Post(index=n, span=Span(start, end), number=number, author=author,
                          header=Span(start, header_ends.get(marker, lines[marker][1]))))
    return ThreadLayout(tuple(posts), tuple(chrome), tuple(quotes))
