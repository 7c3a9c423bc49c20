"""Diagrams of the clinical translation chapter: trial questions, phases, Kaplan–Meier, enrichment, the trial landscape and the dish-to-patient gap."""
from . import Diagram, Edge, Group, Node

TRIAL_LANDSCAPE = Diagram(
    name="trial_landscape",
    nodes=(
        Node("vor", "phase I, HCQ +\nvorinostat, n = 27:\n600 mg/day tolerated,\n1 response", "inhibitor"),
        Node("tem", "phase I, HCQ +\ntemsirolimus, n = 39:\nno responses; block\nonly at 1200 mg/day", "inhibitor"),
        Node("panc", "phase II, randomised,\nmetastatic pancreas,\nn = 112: 12-month\nsurvival not better", "inhibitor"),
        Node("preop", "phase II, randomised,\npancreas before\nsurgery: better tumour\nresponse, same survival", "inhibitor"),
        Node("sor1", "phase I, HCQ +\nsorafenib, solid\ntumours: no results", "drug"),
        Node("hcc", "phase II, HCC:\nsorafenib + HCQ,\n2 cohorts, no control,\n68 planned, no results", "drug"),
        Node("ixa", "phase I, ixazomib +\nvorinostat, n = 59:\nno HCQ, no autophagy\nread-out", "process"),
        Node("lost", "sirolimus or vorinostat\n+ HCQ; SIRT1 study:\nrecords not found", "stress"),
    ),
    edges=(
        Edge("vor", "tem", "activates", "higher\ndose"),
        Edge("tem", "panc", "activates", "600 mg\ntwice daily"),
        Edge("panc", "preop", "binds", "also\nrandomised"),
        Edge("sor1", "hcc", "activates", "same\nsponsor"),
        Edge("hcc", "ixa", "binds"),
        Edge("ixa", "lost", "binds"),
    ),
    groups=(Group("the review's Table 2", ("hcc", "ixa", "lost")),),
    rows=(("vor", "sor1"), ("tem", "hcc"), ("panc", "ixa"), ("preop", "lost")),
)

DISH_TO_PATIENT = Diagram(
    name="dish_to_patient",
    nodes=(
        Node("dose", "HCQ 400 mg/day\n(HCC trial dose)", "drug"),
        Node("blood", "whole blood\nabout 2.7 µM\n(plasma about half)", "quantity"),
        Node("tumour", "tumour: no human\nconcentration\nfound", "process"),
        Node("readout", "read-out: vacuoles\nin PBMCs (EM),\nLC3-II, p62,\nbiopsies", "quantity"),
        Node("high", "1200 mg/day:\nthe dose that\nblocked autophagy\nin blood cells\nand tumour", "inhibitor"),
        Node("dish", "cell culture:\n20-50 µM\nchloroquine\nor HCQ", "stress"),
    ),
    edges=(
        Edge("dose", "blood", "becomes", "absorbed"),
        Edge("blood", "tumour", "becomes", "distributed"),
        Edge("tumour", "readout", "activates", "measured\nas"),
        Edge("high", "readout", "activates"),
        Edge("dish", "blood", "binds", "about 10x\nhigher"),
    ),
    rows=(("dose", "dish"), ("readout", "high")),
)

AUTOPHAGY_TRIAL_QUESTIONS = Diagram(
    name="autophagy_trial_questions",
    nodes=(
        Node("dish", "cells and mice:\nblocking autophagy\nrestores drug killing", "process"),
        Node("drug", "a drug for patients\nthat blocks autophagy\n(e.g. hydroxychloroquine)",
             "inhibitor"),
        Node("exposure", "enough drug\nin the tumour?", "quantity"),
        Node("marker", "autophagy blocked\nin the tumour?\n(biopsy, blood cells)", "quantity"),
        Node("other", "effects beyond\nautophagy (Golgi,\nendolysosomes)", "process"),
        Node("outcome", "patients live longer\nor progress later?", "survival"),
    ),
    edges=(
        Edge("dish", "drug", "becomes", "translate"),
        Edge("drug", "exposure", "activates", "phase I:\ndose"),
        Edge("exposure", "marker", "activates", "pharmaco-\ndynamics"),
        Edge("marker", "outcome", "activates", "phase II\nand III"),
        Edge("other", "outcome", "binds"),
    ),
    rows=(("marker", "other"),),
)

HCC_FIRST_LINE_TRIALS = Diagram(
    name="hcc_first_line_trials",
    nodes=(
        Node("none", "before 2008: no systemic\ndrug shown to prolong\nlife in advanced HCC",
             "death"),
        Node("sharp", "SHARP (2008): sorafenib\nvs placebo, 602 patients,\nHR for death 0.69",
             "drug"),
        Node("ap", "Asia-Pacific (2009):\nsorafenib vs placebo,\n226 patients, HR 0.68",
             "drug"),
        Node("reflect", "REFLECT (2018): lenvatinib\nnon-inferior to sorafenib,\n954 patients, HR 0.92",
             "drug"),
        Node("imbrave", "IMbrave150 (2020):\natezolizumab + bevacizumab\nvs sorafenib, HR 0.58",
             "drug"),
        Node("control", "today's control arm\nfor a new first-line\ntrial", "survival"),
    ),
    edges=(
        Edge("none", "sharp", "becomes"),
        Edge("sharp", "ap", "activates", "confirmed\nin Asia"),
        Edge("ap", "reflect", "activates", "sorafenib\nbecomes the\ncomparator"),
        Edge("reflect", "imbrave", "activates"),
        Edge("imbrave", "control", "becomes"),
    ),
)

TRIAL_PHASES = Diagram(
    name="trial_phases",
    nodes=(
        Node("preclinical", "cells and animals:\nmechanism, activity,\nfirst toxicology", "process"),
        Node("phase1", "phase I: dose finding\n(e.g. 3+3), safety,\nMTD and RP2D", "process"),
        Node("phase2", "phase II: one arm (or a\nsmall randomised one);\nresponse or PFS", "process"),
        Node("phase3", "phase III: randomised\nagainst the standard;\noverall survival", "process"),
        Node("standard", "new standard\nof care", "survival"),
        Node("stop", "stop: too toxic,\nno signal, or\nno benefit", "death"),
    ),
    edges=(
        Edge("preclinical", "phase1", "becomes"),
        Edge("phase1", "phase2", "becomes", "RP2D"),
        Edge("phase2", "phase3", "becomes", "signal"),
        Edge("phase3", "standard", "becomes", "HR and\nits CI"),
        Edge("phase1", "stop", "inhibits"),
        Edge("phase2", "stop", "inhibits"),
        Edge("phase3", "stop", "inhibits"),
    ),
)

KAPLAN_MEIER_READING = Diagram(
    name="kaplan_meier_reading",
    nodes=(
        Node("start", "all patients at risk:\nS(0) = 1", "quantity"),
        Node("death", "a death: S falls by\nthe share of those\nstill at risk", "death"),
        Node("censor", "censored: leaves the\nrisk set, S unchanged\n(tick mark)", "process"),
        Node("curve", "Kaplan–Meier curve:\nproduct of the steps", "quantity"),
        Node("median", "median survival:\nfirst time S(t) ≤ 0.5", "quantity"),
        Node("arms", "two arms\ncompared", "process"),
        Node("logrank", "log-rank test:\nobserved vs expected\ndeaths (a p value)", "quantity"),
        Node("hr", "hazard ratio\n(Cox model)\nwith its 95% CI", "quantity"),
    ),
    edges=(
        Edge("start", "death"),
        Edge("start", "censor"),
        Edge("death", "curve"),
        Edge("censor", "curve", "binds"),
        Edge("curve", "median"),
        Edge("curve", "arms"),
        Edge("arms", "logrank"),
        Edge("arms", "hr"),
    ),
    rows=(("death", "censor"), ("median", "arms"), ("logrank", "hr")),
)

ENRICHMENT_DESIGN = Diagram(
    name="enrichment_design",
    nodes=(
        Node("screen", "all eligible patients\ntested with the\nbiomarker assay", "process"),
        Node("pos", "marker-positive\n(e.g. high tumour\nautophagy)", "quantity"),
        Node("neg", "marker-negative:\nnot randomised", "quantity"),
        Node("rand", "randomised:\nstandard + inhibitor\nvs standard", "drug"),
        Node("gain", "fewer patients needed,\nif the marker truly\npicks those who benefit",
             "survival"),
        Node("loss", "if it does not: benefit\nmissed in negatives,\nor none in positives",
             "death"),
    ),
    edges=(
        Edge("screen", "pos"),
        Edge("screen", "neg"),
        Edge("pos", "rand"),
        Edge("rand", "gain", "activates", "valid\nmarker"),
        Edge("rand", "loss", "inhibits", "unvalidated\nmarker"),
    ),
    rows=(("pos", "neg"), ("gain", "loss")),
)

BLOOD_CELL_READOUT = Diagram(
    name="blood_cell_readout",
    nodes=(
        Node("dose", "HCQ dose\n(mg/day)", "drug"),
        Node("blood", "HCQ in\nwhole blood", "quantity"),
        Node("pbmc", "blood cells (PBMCs):\nfusion blocked,\nautophagosomes pile up", "inhibitor"),
        Node("readout", "measured:\nvacuoles (EM),\nLC3-II (blot)", "quantity"),
        Node("tumour", "liver tumour:\nHCQ level\nnot known", "process"),
        Node("block", "inferred:\nautophagy blocked\nin the tumour?", "survival"),
    ),
    edges=(
        Edge("dose", "blood", "becomes", "absorbed"),
        Edge("blood", "pbmc", "activates", "taken up"),
        Edge("pbmc", "readout", "becomes", "sampled"),
        Edge("blood", "tumour", "activates", "distributed"),
        Edge("tumour", "block", "activates"),
        Edge("readout", "block", "binds", "assumed\nto mirror"),
    ),
    rows=(("pbmc", "tumour"), ("readout", "block")),
)

DIAGRAMS = (AUTOPHAGY_TRIAL_QUESTIONS, HCC_FIRST_LINE_TRIALS, TRIAL_PHASES, KAPLAN_MEIER_READING,
            ENRICHMENT_DESIGN, TRIAL_LANDSCAPE, DISH_TO_PATIENT, BLOOD_CELL_READOUT)
