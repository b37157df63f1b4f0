"""The concordance: equivalent clauses of all clause sets side by side, grouped by topic.

Which clauses are equivalent is data in the clause files (``related``, checked both ways by
R006/R010); how they are grouped and labelled is ``concordance.yaml`` beside the set folders
(see ``topics.py``). A link that no topic covers still appears, in a row of its own.
"""
