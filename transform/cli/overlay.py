"""`taysir overlay SCAFFOLD INTERPRETER -o OUT [--chroma-key COLOR] [--offset S]`"""

from __future__ import annotations

import argparse
import json
import sys

from ..video.overlay import overlay_interpreter, parse_region


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "overlay",
        help="put the recorded sign-language interpreter into a video scaffold's signer region",
        description="Scale and place the interpreter recording into the signer region of a scaffold made by "
        "`taysir convert --outputs video`. Sound and subtitles come from the scaffold.",
    )
    p.add_argument("scaffold", help="the scaffold .mp4 (its region is read from the file or its .video.json)")
    p.add_argument("interpreter", help="the interpreter recording (MP4, MOV, WebM...)")
    p.add_argument("-o", "--out", required=True, help="the composite .mp4 to write")
    p.add_argument(
        "--chroma-key", default=None, metavar="COLOR", help="make this backdrop colour transparent: green, blue, auto or #RRGGBB"
    )
    p.add_argument("--similarity", type=float, default=0.15, help="chroma-key tolerance, 0..1 (default 0.15)")
    p.add_argument("--blend", type=float, default=0.05, help="chroma-key edge softness, 0..1 (default 0.05)")
    p.add_argument(
        "--offset",
        type=float,
        default=0.0,
        metavar="S",
        help="start the interpreter S seconds later (negative: skip the recording's start)",
    )
    p.add_argument(
        "--fit",
        choices=["contain", "cover"],
        default="contain",
        help="contain: whole recording visible (default); cover: fill the region, crop the sides",
    )
    p.add_argument(
        "--region", default=None, metavar="X,Y,W,H", help="signer region in pixels, for a scaffold without Taysir metadata"
    )
    p.add_argument("--fps", type=int, default=None, help="output frame rate (default: the scaffold's overlay rate, 25)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    res = overlay_interpreter(
        args.scaffold,
        args.interpreter,
        args.out,
        chroma_key=args.chroma_key,
        similarity=args.similarity,
        blend=args.blend,
        offset_s=args.offset,
        region=parse_region(args.region) if args.region else None,
        fit=args.fit,
        fps=args.fps,
    )
    if args.json:
        print(
            json.dumps(
                {
                    "video": str(res.video),
                    "duration_s": res.duration_s,
                    "region": res.region.model_dump(),
                    "adaptations": res.adaptations,
                    "warnings": res.warnings,
                },
                ensure_ascii=False,
            )
        )
    else:
        for a in res.adaptations:
            print(f"adapted: {a}", file=sys.stderr)
        for w in res.warnings:
            print(f"warning: {w}", file=sys.stderr)
        print(
            f"{res.video} ({res.duration_s:.2f} s, interpreter in {res.region.w}x{res.region.h} at {res.region.x},{res.region.y})"
        )
    return 0
