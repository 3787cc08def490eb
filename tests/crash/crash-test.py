#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash test: SIGKILLs qareview-cli at random moments while it imports applicants, stores
materials and records judgements, many times over, then checks that the session file is intact
(PRAGMA integrity_check), that its audit trail verifies, that every change reported as done is
there (imports, materials, judgements), every refused one absent, every killed import all there
or all absent, and that enough operations completed for the run to prove something.

Usage: crash-test.py QAREVIEW_CLI WORKDIR [KILLS] [SEED]
Prints TAP."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
HEADER = "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580\n"


def credit_code(serial):
    body = "91620702" + "MA" + "".join(ALPHABET[(serial // 31 ** k) % 31] for k in range(7))
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31
    return body + ALPHABET[0 if check == 31 else check]


def main():
    cli, workdir = sys.argv[1], sys.argv[2]
    kills = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 19580)
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, "crash.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)

    def run(*args, timeout=None):
        return subprocess.run([cli, "--db", db, *args], capture_output=True, text=True,
                              timeout=timeout)

    assert run("init", "--year", "2026", "--deadline", "2026-09-30").returncode == 0
    assert run("demo").returncode == 0

    def material_file(n):
        """A material of its own content, so that each stored one is a row of its own."""
        path = os.path.join(workdir, "evidence-%d.bin" % n)
        with open(path, "wb") as f:
            f.write(rng.randbytes(rng.randint(1, 6) * 1024 * 1024))
        return path

    backup = os.path.join(workdir, "crash-backup.db")
    audit_csv = os.path.join(workdir, "crash-audit.csv")
    for path in (backup, audit_csv):
        if os.path.exists(path):
            os.unlink(path)

    def output_is_whole():
        """An output killed while it was written is the old file or the new one, never torn."""
        if os.path.exists(backup):
            con = sqlite3.connect("file:%s?mode=ro" % backup, uri=True)
            whole = (con.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and
                     con.execute("PRAGMA application_id").fetchone()[0] == 0x51415256 and
                     con.execute("SELECT count(*) FROM session").fetchone()[0] == 1)
            con.close()
            if not whole:
                return "backup"
        if os.path.exists(audit_csv):
            with open(audit_csv, encoding="utf-8") as f:
                text = f.read()
            if not text.startswith("seq,at,operator,") or not text.endswith("\n"):
                return "audit export"
        return None

    done, refused, killed = [], [], []   # lists of (kind, ids)
    order = []                           # every attempt in turn: (kind, ids, outcome)
    serial = 1000
    failures = 0
    n_killed = 0
    attempt = 0
    # How long each kind of operation takes here, measured on the first of each: kills fall
    # anywhere in it or a little after, however loaded the machine is, so that some operations
    # complete and some are cut off.
    duration = {}
    while n_killed < kills:
        attempt += 1
        kind = rng.choice(["import", "import", "bad-import", "material", "judge", "judge", "backup",
                           "audit-export", "over-session"])
        for first in ("import", "bad-import", "material", "judge"):
            if first not in duration:
                kind = first
                break
        ids = []
        if kind in ("import", "bad-import"):
            rows = []
            for _ in range(rng.randint(20, 300)):
                serial += 1
                ids.append("C%d" % serial)
                rows.append("C%d,张掖测试企业%d有限公司,%s,甘州区,yes,2012-04-18,no,yes,yes\n"
                            % (serial, serial, credit_code(serial)))
            if kind == "bad-import":
                rows.insert(rng.randrange(len(rows)), "BAD%d,x,91620702MA0000000X,Ganzhou,yes,2012-04-18,no,yes,yes\n" % serial)
            path = os.path.join(workdir, "applicants-%d.csv" % attempt)
            with open(path, "w", encoding="utf-8") as f:
                f.write(HEADER + "".join(rows))
            args = ["import", "applicants", path]
        elif kind == "material":
            path = material_file(attempt)
            ids = [os.path.basename(path)]
            args = ["material", "add", "--applicant", "A01", "--kind", "evidence", path]
        elif kind == "backup":
            # Over the previous backup, a session: only with --force, and replaced whole or not at all.
            args = ["backup", "--out", backup, "--force"]
        elif kind == "over-session":
            # Refused, whatever --force says: the open session is never an output.
            args = ["audit", "export", "--format", "csv", "--out", db, "--force"]
        elif kind == "audit-export":
            args = ["audit", "export", "--format", "csv", "--out", audit_csv]
        else:
            applicant, passed = "A0%d" % rng.randint(1, 8), rng.choice(["yes", "no"])
            ids = [(applicant, passed)]
            args = ["eligibility", "judge", "--applicant", applicant,
                    "--condition", "5", "--pass", passed]

        proc = subprocess.Popen([cli, "--db", db, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if kind not in duration:
            started = time.monotonic()
            proc.wait()
            duration[kind] = time.monotonic() - started
        else:
            time.sleep(rng.uniform(0, 2.0 * duration[kind]))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            n_killed += 1
            killed.append((kind, ids))
        elif proc.returncode == 0 and kind == "over-session":
            print("not ok - an export replaced the open session (attempt %d)" % attempt)
            return 1
        elif proc.returncode == 0:
            done.append((kind, ids))
        else:
            refused.append((kind, ids))
        order.append((kind, ids, "killed" if killed and killed[-1][1] is ids else
                      "done" if done and done[-1][1] is ids else "refused"))

        # After every attempt the file must be intact.
        con = sqlite3.connect(db)
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()
        if integrity != "ok":
            print("not ok - integrity_check after attempt %d: %s" % (attempt, integrity))
            return 1
        torn_output = output_is_whole()
        if torn_output is not None:
            print("not ok - the %s was left torn after attempt %d" % (torn_output, attempt))
            return 1

    con = sqlite3.connect(db)
    present = {row[0] for row in con.execute("SELECT id FROM applicant")}
    stored_files = {row[0] for row in con.execute("SELECT filename FROM material WHERE applicant_id = 'A01'")}
    judged = {row[0]: row[1] for row in con.execute(
        "SELECT applicant_id, result FROM eligibility WHERE condition = 5 AND source = 'judged'")}
    con.close()

    def check(label, ok, detail=""):
        nonlocal failures
        print(("ok - " if ok else "not ok - ") + label + (" # " + detail if detail and not ok else ""))
        failures += 0 if ok else 1

    lost = [i for kind, ids in done if kind == "import" for i in ids if i not in present]
    check("every import reported done is present (%d imports)" % sum(1 for k, _ in done if k == "import"),
          not lost, "missing %s" % lost[:5])
    leaked = [i for kind, ids in done + refused + killed if kind == "bad-import" for i in ids if i in present]
    check("no row of a refused import is present", not leaked, "present %s" % leaked[:5])
    torn = [ids[0] for kind, ids in killed if kind == "import"
            if len({i in present for i in ids}) != 1]
    check("every killed import is all there or all absent (%d killed imports)" % sum(1 for k, _ in killed if k == "import"),
          not torn, "torn %s" % torn[:5])
    n_done = {k: sum(1 for kind, _ in done if kind == k) for k in ("import", "material", "judge")}
    lost_materials = [ids[0] for kind, ids in done if kind == "material" if ids[0] not in stored_files]
    check("every material reported stored is there (%d stored)" % n_done["material"],
          not lost_materials, "missing %s" % lost_materials[:5])
    # A judgement reported done holds unless a later one of the same applicant was done or
    # killed (a killed one may or may not have committed).
    wrong = []
    for applicant in {ids[0][0] for kind, ids in done if kind == "judge"}:
        tail = [(ids[0][1], outcome) for kind, ids, outcome in order
                if kind == "judge" and ids[0][0] == applicant and outcome != "refused"]
        last_done = max(i for i, (_, outcome) in enumerate(tail) if outcome == "done")
        allowed = {"pass" if passed == "yes" else "fail" for passed, _ in tail[last_done:]}
        if judged.get(applicant) not in allowed:
            wrong.append((applicant, judged.get(applicant), sorted(allowed)))
    check("every judgement reported recorded is the one stored (%d recorded)" % n_done["judge"],
          not wrong, "wrong %s" % wrong[:5])
    # A run where nothing completed proves nothing.
    check("enough operations completed to mean something (%d imports, %d materials, %d judgements)"
          % (n_done["import"], n_done["material"], n_done["judge"]),
          n_done["import"] >= 3 and n_done["judge"] >= 3 and n_done["material"] >= 1)
    # The next export clears what the killed ones left behind.
    run("backup", "--out", backup, "--force")
    run("audit", "export", "--format", "csv", "--out", audit_csv)
    litter = [name for name in os.listdir(workdir) if ".partial" in name]
    check("no temporary file is left once the next export ran", not litter, " ".join(litter[:5]))
    verify = run("audit", "verify")
    check("the audit trail verifies", verify.returncode == 0, verify.stderr.strip())
    print("# %d attempts, %d killed, %d done, %d refused" % (attempt, n_killed, len(done), len(refused)))
    print("1..8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
