"""Counter phrase cards (文明用语 / 服务忌语 → 替代说法) for the service desk.

``deck`` gathers the phrases of one or more resolved sets by topic (shared phrases once, every
source cited), ``layout`` packs them onto cards of a print geometry, ``render`` writes the print
layouts (sheet of A6/A5 cards with cut marks, desk tent card, wall poster) and the screen page as
HTML (PDF via WeasyPrint), ``docx`` the sheet for Word, and ``build`` ties them to ``stdgen build``
and ``stdgen cards``.
"""
