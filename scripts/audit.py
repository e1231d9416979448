"""Dependency audit: pip-audit on the project's environment, and the Debian liblouis CVE check.

    .venv/bin/python scripts/audit.py            # both; exit 1 when pip-audit finds a known vulnerability

pip-audit needs the advisory data of PyPI (``https://pypi.org/pypi/<name>/<version>/json``). Where it
cannot be reached (no network, a mirror without those pages), the step is skipped with one line
saying so, and exits 0: it runs wherever the data can be reached (CI with internet, a workstation).
``TAYSIR_AUDIT_INDEX`` points the reachability probe elsewhere (the tests use a closed port).

The liblouis part reads the installed Debian package's version and changelog for the fixes of
CVE-2023-26767, CVE-2023-26768 and CVE-2023-26769 (see docs/security.md); it never fails the step.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

INDEX = os.environ.get("TAYSIR_AUDIT_INDEX", "https://pypi.org/pypi").rstrip("/")
LIBLOUIS_CVES = ("CVE-2023-26767", "CVE-2023-26768", "CVE-2023-26769")
LIBLOUIS_FIXED_UPSTREAM = "the releases after 3.24.0 (3.26.0 carries all three)"


def advisories_reachable() -> str | None:
    """None when PyPI's per-version advisory data answers; else why not."""
    probe = f"{INDEX}/pip/{version('pip')}/json"
    try:
        with urllib.request.urlopen(probe, timeout=10) as resp:  # noqa: S310 - a fixed https URL (or the tests' override)
            if "vulnerabilities" not in json.load(resp):
                return f"{probe} has no advisory data"
    except (OSError, ValueError, urllib.error.URLError) as exc:
        return f"{probe}: {getattr(exc, 'reason', None) or exc}"
    return None


def pip_audit() -> int:
    why = advisories_reachable()
    if why is not None:
        print(f"pip-audit: SKIPPED: the advisory database cannot be reached from this machine ({why}); "
              "run `.venv/bin/python scripts/audit.py` where it can (CI with internet access).")
        return 0
    cmd = [sys.executable, "-m", "pip_audit", "--skip-editable", "--format", "json", "--progress-spinner", "off", "--timeout", "20"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        print(f"pip-audit: FAILED to run (exit {run.returncode}): {run.stderr.strip()[-500:]}")
        return 1
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    skipped = len(deps) - len(audited)
    if not audited:
        print(f"pip-audit: SKIPPED: none of the {len(deps)} installed packages could be looked up in the advisory database "
              "(a mirror without these versions?); run it where PyPI is reachable.")
        return 0
    vulns = [(d["name"], d["version"], v) for d in audited for v in d.get("vulns", [])]
    print(f"pip-audit: {len(audited)} packages audited, {skipped} skipped (not on PyPI or editable), {len(vulns)} known vulnerabilities")
    for name, ver, v in vulns:
        fixed = ", ".join(v.get("fix_versions") or []) or "no fixed version yet"
        print(f"  {name} {ver}: {v.get('id')} ({', '.join(v.get('aliases') or [])}) fixed in {fixed}")
    return 1 if vulns else 0


def liblouis_report() -> list[str]:
    """Lines saying which liblouis is installed and whether its changelog lists the three CVEs."""
    try:
        ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "liblouis20"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        ver = ""
    changelog = next(iter(sorted(Path("/usr/share/doc").glob("liblouis*/changelog.Debian.gz"))), None)
    text = gzip.decompress(changelog.read_bytes()).decode("utf-8", "replace") if changelog else ""
    if not ver:
        return ["liblouis: the Debian package liblouis20 is not installed (or this is not Debian): check the CVEs by hand"]
    lines = [f"liblouis: Debian package liblouis20 {ver} (upstream fixes: {LIBLOUIS_FIXED_UPSTREAM})"]
    for cve in LIBLOUIS_CVES:
        lines.append(f"  {cve}: {'fixed (listed in the Debian changelog)' if cve in text else 'NOT listed in the Debian changelog'}")
    if not all(cve in text for cve in LIBLOUIS_CVES):
        lines.append("  mitigated in Taysir: these bugs need a crafted table file; jobs cannot name tables (400 bad_options), "
                     "only the packaged braille_tables/ and Debian's tables are compiled (docs/security.md)")
    return lines


def main() -> int:
    rc = pip_audit()
    for line in liblouis_report():
        print(line)
    return rc


if __name__ == "__main__":
    sys.exit(main())
