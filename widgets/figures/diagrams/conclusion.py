"""Diagram of the conclusion: the book's answer to the review's title question in one picture."""
from . import Diagram, Edge, Node

#: The same drug-induced autophagy protects or kills; the context decides which.
#: The dashed ("binds") edge is a proposal that no study read for the book has tested.
BOOK_ANSWER = Diagram(
    name="book_answer",
    nodes=(
        Node("drug", "anticancer drug\n(sorafenib, doxorubicin,\nplatinum drugs)", "drug"),
        Node("exo", "acid-induced\nexosomal miR-21\n(proposed link)", "stress"),
        Node("flux", "autophagic\nflux rises", "process"),
        Node("mir21", "miR-21 high:\nPTEN down,\nAkt up", "quantity"),
        Node("context", "the context decides:\ncell line, resistance\nstate, oxygen,\nstem-like state", "stress"),
        Node("accomplice", "ACCOMPLICE:\nclears damage,\ncell survives;\nblocking it\nsensitises", "survival"),
        Node("antagonist", "ANTAGONIST:\nhelps kill\nthe cell;\nblocking it\nprotects", "death"),
    ),
    edges=(
        Edge("drug", "flux"),
        Edge("exo", "mir21", "binds"),
        Edge("mir21", "flux", "inhibits"),
        Edge("flux", "context"),
        Edge("context", "accomplice", "activates", "parental lines,\nCD133+ cells"),
        Edge("context", "antagonist", "activates", "resistant lines\n(high miR-21)"),
    ),
    rows=(("drug", "exo"), ("flux", "mir21"), ("accomplice", "antagonist")),
)

DIAGRAMS = (BOOK_ANSWER,)
