"""Plausible paper titles in semiconductors and quantum technology.

Examples
--------
>>> import random
>>> title("quantum", random.Random(3)) == title("quantum", random.Random(3))
True
"""

from __future__ import annotations

import random

_TEMPLATES = (
    "{adj} {topic} in {material} {device}",
    "{topic} of {material} {device} at {condition}",
    "{adj} {device} based on {material}",
    "Toward {adj} {device}: {topic} and {topic2}",
    "{topic} in {adj} {material} {device}",
    "Observation of {topic} in {material} {device}",
    "{method} study of {topic} in {material} {device}",
)

_VOCAB: dict[str, dict[str, tuple[str, ...]]] = {
    "quantum": {
        "adj": (
            "High-fidelity",
            "Scalable",
            "Low-noise",
            "Cryogenic",
            "Long-lived",
            "Tunable",
            "Fault-tolerant",
            "On-chip",
            "Broadband",
            "Robust",
        ),
        "topic": (
            "charge noise",
            "spin-orbit coupling",
            "two-qubit gate calibration",
            "dispersive readout",
            "decoherence",
            "valley splitting",
            "photon-number resolution",
            "squeezed-light generation",
            "microwave-optical transduction",
            "leakage suppression",
            "entanglement distribution",
            "magnetic-field sensing",
            "crosstalk mitigation",
        ),
        "material": (
            "silicon",
            "germanium",
            "diamond",
            "silicon-carbide",
            "niobium-titanium-nitride",
            "thin-film lithium niobate",
            "silicon-nitride",
            "aluminium-oxide",
            "hBN-encapsulated graphene",
        ),
        "device": (
            "spin qubits",
            "transmon arrays",
            "quantum dots",
            "NV-centre ensembles",
            "superconducting resonators",
            "microring resonators",
            "photonic waveguides",
            "single-photon detectors",
            "Josephson parametric amplifiers",
            "ion-trap chips",
        ),
        "condition": (
            "millikelvin temperatures",
            "high magnetic fields",
            "room temperature",
            "telecom wavelengths",
        ),
        "method": ("Cryogenic", "Ab initio", "Spectroscopic", "Noise-spectroscopy", "Numerical"),
    },
    "semiconductors": {
        "adj": (
            "Low-power",
            "High-voltage",
            "Reliable",
            "Ultra-thin",
            "Wafer-scale",
            "Heterogeneous",
            "Back-end-of-line compatible",
            "High-mobility",
            "Self-aligned",
            "Energy-efficient",
        ),
        "topic": (
            "gate-oxide reliability",
            "threshold-voltage instability",
            "interface-trap density",
            "thermal management",
            "hybrid bonding",
            "dopant activation",
            "contact resistance",
            "ferroelectric switching",
            "electromigration",
            "dynamic on-resistance",
            "bias temperature instability",
            "defect inspection",
            "warpage control",
        ),
        "material": (
            "GaN-on-Si",
            "4H-SiC",
            "hafnium-zirconium-oxide",
            "MoS2",
            "indium-gallium-zinc-oxide",
            "strained-germanium",
            "copper-copper",
            "gallium-oxide",
            "organic semiconductor",
            "FD-SOI",
        ),
        "device": (
            "power transistors",
            "MOSFETs",
            "memristive synapses",
            "chiplets",
            "through-silicon vias",
            "thin-film transistors",
            "photodetector arrays",
            "nanosheet FETs",
            "3D NAND cells",
            "interposers",
        ),
        "condition": (
            "high temperature",
            "cryogenic temperatures",
            "high current density",
            "radiation exposure",
        ),
        "method": ("TCAD", "In-situ TEM", "Statistical", "First-principles", "Electrothermal"),
    },
}


def title(field: str, rng: random.Random) -> str:
    v = _VOCAB.get(field, _VOCAB["semiconductors"])
    words = {k: rng.choice(options) for k, options in v.items()}
    words["topic2"] = rng.choice(v["topic"])
    text = rng.choice(_TEMPLATES).format(**words)
    return text[0].upper() + text[1:]
