"""Summarises scripts/bench_peers.sh's raw log: per job kind the median and spread (min–max) of
the epoch's wall time (each program's own timer), the whole job's CPU seconds (user + sys from
/usr/bin/time: imports, data loading, the epoch and the evaluation), the 10,000-image evaluation,
peak RSS, and the CPU other processes used meanwhile (from /proc/stat); then the ratios."""
import json, re, statistics, sys

path, hz, ncpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
jobs = []
for block in open(path).read().split("JOB ")[1:]:
    name, _, body = block.partition("\n")
    j = {"name": name.strip()}
    m = re.search(r"TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+) rss_kb=(\d+)", body)
    if m:
        j["job_wall"], j["cpu"], j["rss_mb"] = float(m[1]), float(m[2]) + float(m[3]), int(m[4]) / 1024
    m = re.search(r"MACHINE busy_jiffies=(\d+) wall=([\d.]+)", body)
    if m and "cpu" in j:
        busy, wall = int(m[1]) / hz, float(m[2])
        j["others_cores"] = max(0.0, (busy - j["cpu"]) / wall) if wall > 0 else 0
    m = re.search(r"^RESULT (.*)$", body, re.M)
    if m:
        r = json.loads(m[1])
        j["epoch"] = r["epochs"][0]["sec"]
        j["epoch_cpu"] = r["epochs"][0].get("cpu_s")
        j["eval"] = r.get("eval_s_warm")
        j["acc"] = r.get("test_acc")
    m = re.search(r"Epoch 0 completed out of 1 loss: [\d.]+ .* - ([\d.]+)s", body)
    if m:
        # rnnsh prints the epoch to 0.1 s; its examples/s figure ("Trained in 4.7s (12685
        # examples/s)") over the batches it ran gives the epoch to 4 digits.
        j["epoch"] = float(m[1])
        shape = re.search(r"(\d+) batches of (\d+)", body)
        rate = re.search(r"Trained in [\d.]+s \((\d+) examples/s\)", body)
        if shape and rate and int(rate[1]) > 0:
            j["epoch"] = int(shape[1]) * int(shape[2]) / int(rate[1])
        # The shell's `time` prints "Wall time: 274 ms" (or "1.09 s", "950 µs").
        unit = {"s": 1.0, "ms": 1e-3, "µs": 1e-6}
        walls = [float(x) * unit[u] for x, u in re.findall(r"Wall time: ([\d.]+) (s|ms|µs)\b", body)]
        if walls: j["eval"] = min(walls)
        a = re.search(r"Accuracy: ([\d.]+)", body)
        if a: j["acc"] = float(a[1])
    if "epoch" not in j:
        print(f"warning: job {j['name']} gave no epoch time:\n{body[-800:]}", file=sys.stderr)
    jobs.append(j)

def stat(kind, key):
    v = [j[key] for j in jobs if j["name"] == kind and j.get(key) is not None]
    if not v: return None
    return statistics.median(v), min(v), max(v), len(v)

def fmt(s, unit="s", digits=2):
    if s is None: return "—"
    med, lo, hi, n = s
    return f"{med:.{digits}f}{unit} ({lo:.{digits}f}–{hi:.{digits}f}, n={n})"

# Job names are PEER-CELL-Ncore (tf1-gru-2core); the table follows the order they ran in.
kinds = list(dict.fromkeys(j["name"] for j in jobs))
print()
print(f"{'job':<16} {'epoch wall':<26} {'job CPU (user+sys)':<28} {'eval 10k':<26} {'peak RSS':<12} {'others used':<16} acc")
for k in kinds:
    o = stat(k, "others_cores")
    acc = stat(k, "acc")
    others = f"{o[0]:.2f} of {ncpu} cores" if o else "—"
    accs = f"{acc[0]:.4f}" if acc else "—"
    rss = fmt(stat(k, "rss_mb"), " MiB", 0).split(" (")[0]
    print(f"{k:<16} {fmt(stat(k, 'epoch')):<26} {fmt(stat(k, 'cpu')):<28} {fmt(stat(k, 'eval'), 's', 3):<26} "
          f"{rss:<12} {others:<16} {accs}")

def med(k, key):
    s = stat(k, key)
    return s[0] if s else None

print()
print("Ratios (peer / rnnsh; above 1 means rnnsh is faster), medians of the interleaved rounds:")
for k in kinds:
    peer, _, rest = k.partition("-")
    if peer == "rnnsh": continue
    mine = "rnnsh-" + rest
    r, rc = med(mine, "epoch"), med(mine, "cpu")
    p, pc = med(k, "epoch"), med(k, "cpu")
    if r and p:
        line = f"  {rest} train epoch: {peer} {p:.2f} s / rnnsh {r:.2f} s = {p / r:.2f}x"
        if rc and pc: line += f"; job CPU {pc:.1f} s / {rc:.1f} s = {pc / rc:.2f}x"
        re_, pe = med(mine, "eval"), med(k, "eval")
        if re_ and pe: line += f"; eval 10k {pe:.3f} s / {re_:.3f} s = {pe / re_:.2f}x"
        print(line)
busy = [j.get("others_cores", 0) for j in jobs]
if busy:
    print(f"Other processes used {statistics.median(busy):.2f} of {ncpu} cores (median over jobs; "
          f"max {max(busy):.2f}) while this ran: {'figures are noisy' if statistics.median(busy) > 0.1 else 'a quiet machine'}.")
