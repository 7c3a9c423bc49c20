"""Diagrams of the non-coding RNA chapter: biogenesis, tools and target proof; Table 1 as chains; HULC."""
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

MIRNA_BIOGENESIS = Diagram(
    name="mirna_biogenesis",
    nodes=(
        Node("gene", "miRNA gene\n(RNA polymerase II)", "process"),
        Node("pri", "pri-miRNA:\nlong transcript\nwith a hairpin", "quantity"),
        Node("drosha", "Drosha + DGCR8\n(nucleus)"),
        Node("pre", "pre-miRNA:\n~70 nt hairpin", "quantity"),
        Node("exportin", "Exportin-5\n(to the cytoplasm)"),
        Node("dicer", "Dicer"),
        Node("duplex", "~22 nt duplex", "quantity"),
        Node("risc", "one strand kept\nin Argonaute:\nthe silencing\ncomplex (RISC)", "inhibitor"),
        Node("mrna", "target mRNA:\nseed match\nin the 3′UTR", "quantity"),
        Node("repress", "less protein:\ntranslation repressed,\nmRNA decayed", "process"),
    ),
    edges=(
        Edge("gene", "pri", "becomes", "transcribed"),
        Edge("pri", "pre", "becomes"),
        Edge("drosha", "pre", "activates", "cuts"),
        Edge("pre", "duplex", "becomes"),
        Edge("exportin", "pre", "binds"),
        Edge("dicer", "duplex", "activates", "cuts"),
        Edge("duplex", "risc", "becomes"),
        Edge("risc", "mrna", "inhibits", "pairs"),
        Edge("mrna", "repress", "becomes"),
    ),
    rows=(("drosha", "pre"), ("dicer", "duplex")),
)

NCRNA_TO_FLUX = Diagram(
    name="ncrna_to_flux",
    nodes=(
        Node("lnc", "lncRNA acting\nas a sponge", "quantity"),
        Node("mir", "miRNA", "inhibitor"),
        Node("mrna", "mRNA of an\nautophagy protein", "quantity"),
        Node("protein", "protein level\n(e.g. ULK1, ATG7)"),
        Node("step", "one step of autophagy:\ninitiation, nucleation\nor conjugation", "process"),
        Node("flux", "autophagic flux", "process"),
        Node("fate", "survival or death\nunder a drug", "survival"),
    ),
    edges=(
        Edge("lnc", "mir", "inhibits", "binds"),
        Edge("mir", "mrna", "inhibits", "seed\npairing"),
        Edge("mrna", "protein", "becomes", "translated"),
        Edge("protein", "step", "activates", "sets the rate"),
        Edge("step", "flux"),
        Edge("flux", "fate"),
    ),
)

NCRNA_TOOLS = Diagram(
    name="ncrna_tools",
    nodes=(
        Node("vector", "raise: expression\nvector", "drug"),
        Node("sirna", "lower: siRNA,\nshRNA, CRISPR", "inhibitor"),
        Node("lnc", "lncRNA", "quantity"),
        Node("mimic", "raise:\nmimic\n(synthetic\nduplex)", "drug"),
        Node("antimir", "lower:\nantagomir,\nLNA anti-miR\nor sponge", "inhibitor"),
        Node("mir", "mature miRNA\nin Argonaute", "quantity"),
        Node("target", "target protein\n(e.g. ULK1)"),
        Node("flux", "autophagic flux:\nLC3-II ± bafilomycin A1,\np62", "process"),
    ),
    edges=(
        Edge("vector", "lnc", "activates"),
        Edge("sirna", "lnc", "inhibits"),
        Edge("mimic", "mir", "activates"),
        Edge("antimir", "mir", "inhibits"),
        Edge("lnc", "mir", "inhibits", "may\nsponge"),
        Edge("mir", "target", "inhibits"),
        Edge("target", "flux"),
    ),
    rows=(("vector", "sirna"), ("lnc", "mimic", "antimir")),
)

TARGET_VALIDATION = Diagram(
    name="target_validation",
    nodes=(
        Node("predict", "prediction: seed\nmatch in the 3′UTR\n(e.g. TargetScan)", "process"),
        Node("mimic", "miRNA mimic or\ncontrol oligo", "drug"),
        Node("wt", "luciferase +\nwild-type 3′UTR", "quantity"),
        Node("mut", "luciferase +\nseed-mutant 3′UTR", "quantity"),
        Node("wtres", "light falls:\nthe site can\nbe used", "process"),
        Node("mutres", "light unchanged:\nrepression needs\nthe seed site", "process"),
        Node("tissue", "cells or tissue:\ntarget protein\nand target mRNA", "quantity"),
        Node("trans", "protein changes,\nmRNA does not:\ntranslational\nrepression", "process"),
        Node("rescue", "rescue: a target\nwithout its 3′UTR\nreverses the effect", "survival"),
    ),
    edges=(
        Edge("predict", "wt"),
        Edge("predict", "mut"),
        Edge("mimic", "wt"),
        Edge("mimic", "mut"),
        Edge("wt", "wtres"),
        Edge("mut", "mutres"),
        Edge("wtres", "tissue"),
        Edge("mutres", "tissue"),
        Edge("tissue", "trans"),
        Edge("trans", "rescue"),
    ),
    rows=(("predict", "mimic"), ("wt", "mut"), ("wtres", "mutres")),
)

DIAGRAMS = (MIRNA_BIOGENESIS, NCRNA_TO_FLUX, NCRNA_TOOLS, TARGET_VALIDATION, TABLE1_CHAINS,
            HULC_SIRT1)
