#!/usr/bin/env python3
"""What the Native AOT binary holds, per assembly and per top namespace, from the compiler's map
file (publish with -p:IlcGenerateMapFile=true; the map is obj/.../native/<name>.map.xml).

The map lists every object node the compiler emitted with its length: method code and its GC
and unwind data, type data (method tables, generic dictionaries, vtables), statics, and tables
(metadata, resources, hashtables). Type data is stored compressed in the file ("dehydrated")
and expanded into anonymous memory at start, so its column is what start-up allocates, not
what the file holds. Node names are mangled: the assembly is the longest known assembly prefix
of the owning type (System.Private.X is spelled S_P_X); a node with no owner (an array,
runtime tables) is put under the first assembly its name mentions, or "(runtime tables)".
The namespace split is a heuristic (the mangled name joins namespace and type with '_').

Usage: contributors.py MAP.xml [--rsp ILC.rsp] [--top N] [--by assembly|namespace|both]
       [--kinds] [--mentions ASSEMBLY]
Without --rsp, the .ilc.rsp next to the map gives the assembly names."""
import argparse
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

CODE = {"MethodCode", "GCInfo", "MethodExceptionHandlingInfo", "UnboxingStub",
        "MethodAssociatedData", "MethodReadOnlyData", "FatFunctionPointer", "ReadyToRunHelper",
        "ReadyToRunGenericLookupFromType", "ReadyToRunGenericLookupFromDictionary",
        "AddressTakenMethod", "RuntimeMethodHandle", "PInvokeMethodFixup", "TentativeMethod",
        "TentativeInstanceMethod"}
TYPES = {"ConstructedEEType", "EEType", "CanonicalDefinitionEEType", "MetadataEEType",
         "ReflectionVisibleGenericDefinitionEEType", "ReflectionInvisibleGenericDefinitionEEType",
         "GCStaticEEType", "MethodGenericDictionary", "TypeGenericDictionary", "SealedVTable",
         "InterfaceDispatchMap", "GenericComposition", "GenericVariance", "WritableData"}
STATICS = {"GCStatics", "NonGCStatics", "GCStaticsPreInitData", "TypeThreadStaticIndex",
           "FieldRvaData", "ArrayOfFrozenObjects", "FrozenObject", "FrozenString"}


def kind_column(kind):
    if kind in CODE:
        return "code"
    if kind in TYPES:
        return "types"
    if kind in STATICS:
        return "statics"
    return "other"


def mangle(assembly):
    if assembly.startswith("System.Private."):
        assembly = "S_P_" + assembly[len("System.Private."):]
    return re.sub(r"[^A-Za-z0-9]", "_", assembly)


def assemblies_from_rsp(rsp):
    names = set()
    with open(rsp) as f:
        for line in f:
            line = line.strip()
            if line.startswith("-r:") or line.endswith(".dll") and not line.startswith("-"):
                path = line[3:] if line.startswith("-r:") else line
                name = os.path.basename(path)
                if name.endswith(".dll") and not name.endswith(".resources.dll"):
                    names.add(name[:-4])
    names.update(["System.Private.CoreLib", "System.Private.TypeLoader",
                  "System.Private.Reflection.Execution", "System.Private.StackTraceMetadata",
                  "System.Private.Uri"])
    return names


class Attributor:
    def __init__(self, assemblies):
        by_prefix = {mangle(a): a for a in assemblies}
        # Longest first, so System_Net_Http_Json wins over System_Net_Http.
        alternatives = "|".join(re.escape(p) for p in sorted(by_prefix, key=len, reverse=True))
        self.pattern = re.compile(r"(?:^|(?<=[_<>,\d]))(" + alternatives + r")_")
        self.by_prefix = by_prefix

    def split(self, name):
        """(assembly, top namespace) of a mangled node name."""
        owner = name.split("<", 1)[0]
        m = self.pattern.search(owner) or self.pattern.search(name)
        if not m:
            return "(runtime tables)", "(runtime tables)"
        assembly = self.by_prefix[m.group(1)]
        rest = name[m.end():].split("<", 1)[0].split("__", 1)[0]
        segments = [s for s in rest.split("_") if s and not s.isdigit()]
        depth = 3 if segments and segments[0] in ("System", "Microsoft") else 2
        namespace = ".".join(segments[:max(1, min(depth, len(segments) - 1))])
        return assembly, namespace or "(global)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map")
    ap.add_argument("--rsp")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--by", choices=["assembly", "namespace", "both"], default="both")
    ap.add_argument("--kinds", action="store_true", help="also print totals per node kind")
    ap.add_argument("--mentions", metavar="ASSEMBLY",
                    help="bytes of nodes owned elsewhere whose generic arguments name ASSEMBLY")
    args = ap.parse_args()
    rsp = args.rsp or re.sub(r"\.map\.xml$", ".ilc.rsp", args.map)
    attributor = Attributor(assemblies_from_rsp(rsp))
    mention = mangle(args.mentions) + "_" if args.mentions else None

    per_asm = collections.defaultdict(collections.Counter)
    per_ns = collections.defaultdict(collections.Counter)
    per_kind = collections.Counter()
    mentioned = collections.Counter()
    dehydrated = 0
    for _, el in ET.iterparse(args.map, events=("end",)):
        kind = el.tag
        if kind == "ObjectNodes":
            continue
        length = int(el.get("Length", "0"))
        name = el.get("Name", "")
        el.clear()
        if kind == "DehydratedData":
            dehydrated = length
            continue
        per_kind[kind] += length
        col = kind_column(kind)
        assembly, namespace = attributor.split(name)
        per_asm[assembly][col] += length
        per_ns[assembly + " " + namespace][col] += length
        if mention and mention in name and assembly != args.mentions:
            mentioned[col] += length

    cols = ["code", "types", "statics", "other"]

    def table(title, rows):
        total = collections.Counter()
        for c in rows.values():
            total.update(c)
        print(f"\n{title}: bytes; types = type data expanded at start (the file holds it "
              f"compressed: {dehydrated:,} bytes in all)")
        print(f"{'':56} {'total':>11} " + " ".join(f"{c:>10}" for c in cols))
        ranked = sorted(rows.items(), key=lambda kv: -sum(kv[1].values()))
        for key, c in ranked[:args.top]:
            print(f"{key[:56]:56} {sum(c.values()):>11,} " + " ".join(f"{c[k]:>10,}" for k in cols))
        rest = collections.Counter()
        for _, c in ranked[args.top:]:
            rest.update(c)
        if rest:
            print(f"{f'({len(ranked) - args.top} more)':56} {sum(rest.values()):>11,} "
                  + " ".join(f"{rest[k]:>10,}" for k in cols))
        print(f"{'total':56} {sum(total.values()):>11,} " + " ".join(f"{total[k]:>10,}" for k in cols))

    if args.by in ("assembly", "both"):
        table("Per assembly", per_asm)
    if args.by in ("namespace", "both"):
        table("Per assembly and top namespace", per_ns)
    if args.kinds:
        print("\nPer node kind (bytes)")
        for kind, n in per_kind.most_common():
            print(f"{kind:56} {n:>11,}  {kind_column(kind)}")
    if mention:
        print(f"\nOwned by other assemblies, {args.mentions} in the generic arguments: "
              + ", ".join(f"{k} {mentioned[k]:,}" for k in cols)
              + f"; total {sum(mentioned.values()):,}")


if __name__ == "__main__":
    sys.exit(main())
