"""Diagrams of the clinical-translation chapter's opening pages: the questions a trial of an
autophagy inhibitor must answer, the HCC trials that set the standards, the phases of drug
development, how a Kaplan–Meier curve is read, and a biomarker-enriched design."""
from . import Diagram, Edge, Node

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

DIAGRAMS = (AUTOPHAGY_TRIAL_QUESTIONS, HCC_FIRST_LINE_TRIALS, TRIAL_PHASES, KAPLAN_MEIER_READING,
            ENRICHMENT_DESIGN)
