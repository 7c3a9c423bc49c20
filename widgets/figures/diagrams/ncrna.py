"""Diagrams of the non-coding RNA chapter: the review's Table 1 as chains, and HULC/USP22/Sirt1."""
from . import Diagram, Edge, Node

#: Every row of Table 1 (plus miR-21) as RNA -> target -> autophagy -> drug response.
#: Dashed ("binds") edges rest on the review alone: no primary record was found.
TABLE1_CHAINS = Diagram(
    name="table1_chains",
    nodes=(
        Node("mir26", "miR-26a/b", "quantity"),
        Node("mir223", "miR-223", "quantity"),
        Node("mir101", "miR-101", "quantity"),
        Node("mir199", "miR-199a-\n5p", "quantity"),
        Node("mir125", "miR-125b", "quantity"),
        Node("hulc", "lncRNA\nHULC", "quantity"),
        Node("ulk1", "ULK1"),
        Node("foxo3a", "FOXO3a"),
        Node("atg4d", "ATG4D,\nSTMN1,\nRAB5A"),
        Node("ezh2", "EZH2\n(review\nonly)"),
        Node("atg7", "ATG7"),
        Node("eva1a", "EVA1A\n(review\nonly)"),
        Node("usp22", "USP22,\nSirt1"),
        Node("protect", "autophagy\nthat\nprotects\nduring\nchemo-\ntherapy", "process"),
        Node("chemo", "cells\nsurvive\nchemo-\ntherapy", "survival"),
        Node("mir21", "miR-21", "quantity"),
        Node("pten", "PTEN"),
        Node("killing", "pro-death\nautophagy", "process"),
        Node("sora", "cells\nsurvive\nsorafenib", "survival"),
    ),
    edges=(
        Edge("mir26", "ulk1", "inhibits"),
        Edge("mir223", "foxo3a", "inhibits"),
        Edge("mir101", "atg4d", "inhibits"),
        Edge("mir101", "ezh2", "binds"),
        Edge("mir199", "atg7", "inhibits"),
        Edge("mir125", "eva1a", "binds"),
        Edge("hulc", "usp22"),
        Edge("ulk1", "protect"),
        Edge("foxo3a", "protect"),
        Edge("atg4d", "protect"),
        Edge("atg7", "protect"),
        Edge("eva1a", "protect", "binds"),
        Edge("usp22", "protect"),
        Edge("protect", "chemo"),
        Edge("mir21", "pten", "inhibits"),
        Edge("pten", "killing"),
        Edge("killing", "sora", "inhibits"),
    ),
    direction="LR",
)

#: The mechanism of the HULC paper's abstract: a chain of two inhibitions raises USP22.
HULC_SIRT1 = Diagram(
    name="hulc_sirt1",
    nodes=(
        Node("drugs", "oxaliplatin, 5-fluorouracil\nor pirarubicin", "drug"),
        Node("hulc", "lncRNA HULC up", "quantity"),
        Node("mirs", "miR-6825-5p,\nmiR-6845-5p,\nmiR-6886-3p", "inhibitor"),
        Node("usp22", "USP22 (a\ndeubiquitinase)"),
        Node("ub", "polyubiquitin chains\non Sirt1: degradation", "death"),
        Node("sirt1", "Sirt1 protein\nstabilised"),
        Node("autophagy", "protective autophagy", "process"),
        Node("resist", "less sensitive to\nthe three drugs", "survival"),
    ),
    edges=(
        Edge("drugs", "hulc"),
        Edge("hulc", "mirs", "inhibits"),
        Edge("mirs", "usp22", "inhibits", "bind the\n3' UTR"),
        Edge("usp22", "ub", "inhibits", "removes\nchains"),
        Edge("usp22", "sirt1", "activates", "deubiquit-\ninates"),
        Edge("ub", "sirt1", "inhibits"),
        Edge("sirt1", "autophagy"),
        Edge("autophagy", "resist"),
    ),
)

DIAGRAMS = (TABLE1_CHAINS, HULC_SIRT1)
