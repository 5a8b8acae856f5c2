import Foundation

/// Python's `time` module: the clocks tutorials time their loops with, and the calendar
/// functions they stamp logs with (`strftime`, `localtime`, `gmtime`, `ctime`), as CPython 3.11
/// has them on Linux. Dates come from the C library, as in CPython, so the machine's time zone
/// decides what `localtime` says; tests use `gmtime` and fixed times.
enum TimeModule {
    static let functions: Set<String> = [
        "time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time",
        "process_time_ns", "thread_time", "thread_time_ns", "sleep", "gmtime", "localtime", "mktime", "strftime",
        "asctime", "ctime", "clock_gettime", "clock_gettime_ns", "clock_getres",
    ]
    /// Linux's clock ids, as `time.CLOCK_*`.
    static let clocks: [String: Int] = [
        "CLOCK_REALTIME": 0, "CLOCK_MONOTONIC": 1, "CLOCK_PROCESS_CPUTIME_ID": 2, "CLOCK_THREAD_CPUTIME_ID": 3,
        "CLOCK_MONOTONIC_RAW": 4, "CLOCK_BOOTTIME": 7, "CLOCK_TAI": 11,
    ]

    /// `struct_time`'s fields, in tuple order.
    static let structClass = NamedTupleClass(
        name: "time.struct_time",
        fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
        defaults: [])

    static func attribute(_ name: String) -> Value? {
        if functions.contains(name) { return .builtin(Builtin(name: "time." + name, receiver: nil)) }
        if let c = clocks[name] { return .int(c) }
        // Only the zone's own names read the zone (tzset and two mktime calls).
        switch name {
        case "timezone": return .int(Zone.current.timezone)
        case "altzone": return .int(Zone.current.altzone)
        case "daylight": return .int(Zone.current.daylight ? 1 : 0)
        case "tzname": let zone = Zone.current; return .tuple([.string(zone.names.0), .string(zone.names.1)])
        default: return nil
        }
    }

    /// CPython's `init_timezone`: the offsets west of UTC in January and July of this year;
    /// the larger is standard time (the southern hemisphere has its summer in January).
    struct Zone {
        var timezone: Int, altzone: Int, daylight: Bool, names: (String, String)

        static var current: Zone {
            tzset()
            var now = Foundation.time(nil)
            var tm = Glibc.tm()
            gmtime_r(&now, &tm)
            let year = tm.tm_year
            func offset(month: Int32) -> (Int, String) {
                var t = Glibc.tm()
                t.tm_year = year
                t.tm_mon = month
                t.tm_mday = 1
                t.tm_isdst = -1
                var secs = timegm(&t)
                var local = Glibc.tm()
                localtime_r(&secs, &local)
                let name = local.tm_zone.map { String(cString: $0) } ?? ""
                return (-Int(local.tm_gmtoff), name)
            }
            let (jan, janName) = offset(month: 0), (jul, julName) = offset(month: 6)
            if jan < jul { return Zone(timezone: jul, altzone: jan, daylight: jan != jul, names: (julName, janName)) }
            return Zone(timezone: jan, altzone: jul, daylight: jan != jul, names: (janName, julName))
        }
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if !keywords.isEmpty { throw ShellError("time.\(name)() takes no keyword arguments", span: span, kind: .typeError) }
        func noArguments() throws(ShellError) {
            if !args.isEmpty {
                throw ShellError("time.\(name)() takes no arguments (\(args.count) given)", span: span, kind: .typeError)
            }
        }
        func atMostOne() throws(ShellError) -> Value? {
            if args.count > 1 { throw ShellError("\(name) expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            return args.first.flatMap { $0.isNone ? nil : $0 }
        }
        func clock(_ id: clockid_t) -> timespec {
            var t = timespec()
            clock_gettime(id, &t)
            return t
        }
        func seconds(_ t: timespec) -> Value { .float(Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9) }
        func nanoseconds(_ t: timespec) -> Value { .int(Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)) }
        switch name {
        case "time": try noArguments(); return seconds(clock(CLOCK_REALTIME))
        case "time_ns": try noArguments(); return nanoseconds(clock(CLOCK_REALTIME))
        case "perf_counter", "monotonic": try noArguments(); return seconds(clock(CLOCK_MONOTONIC))
        case "perf_counter_ns", "monotonic_ns": try noArguments(); return nanoseconds(clock(CLOCK_MONOTONIC))
        // The CPU time (user + system) of the process, not the wall clock, so a loop timed on a
        // busy machine is not charged for the time it waited.
        case "process_time": try noArguments(); return seconds(clock(CLOCK_PROCESS_CPUTIME_ID))
        case "process_time_ns": try noArguments(); return nanoseconds(clock(CLOCK_PROCESS_CPUTIME_ID))
        case "thread_time": try noArguments(); return seconds(clock(CLOCK_THREAD_CPUTIME_ID))
        case "thread_time_ns": try noArguments(); return nanoseconds(clock(CLOCK_THREAD_CPUTIME_ID))
        case "clock_gettime", "clock_gettime_ns", "clock_getres":
            guard args.count == 1 else {
                throw ShellError("time.\(name)() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            let id = try ArgumentBinder.integer(args[0], span)
            guard let cid = clockid_t(exactly: id) else { throw ShellError("[Errno 22] Invalid argument", span: span, kind: .osError) }
            var t = timespec()
            let rc = name == "clock_getres" ? clock_getres(cid, &t) : clock_gettime(cid, &t)
            if rc != 0 { throw ShellError("[Errno 22] Invalid argument", span: span, kind: .osError) }
            return name == "clock_gettime_ns" ? nanoseconds(t) : seconds(t)
        case "sleep":
            guard args.count == 1 else {
                throw ShellError("time.sleep() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            if case .string = args[0] { throw ShellError("'str' object cannot be interpreted as an integer", span: span, kind: .typeError) }
            let s = try MathModule.double(args[0], span, ev)
            if s.isNaN { throw ShellError("Invalid value NaN (not a number)", span: span, kind: .valueError) }
            if s < 0 { throw ShellError("sleep length must be non-negative", span: span, kind: .valueError) }
            // In short naps, so that Ctrl-C stops a long sleep at once.
            var left = s
            while left > 0 {
                if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
                let step = min(left, 0.05)
                usleep(UInt32(step * 1e6))
                left -= step
            }
            return .none
        case "gmtime", "localtime":
            let secs = try timestamp(try atMostOne(), span, ev)
            return try structTime(secs, utc: name == "gmtime", span)
        case "ctime":
            let secs = try timestamp(try atMostOne(), span, ev)
            return .string(asctime(try brokenDown(secs, utc: false, span)))
        case "asctime":
            if let v = try atMostOne() { return .string(asctime(try tmFrom(v, name, span, ev))) }
            return .string(asctime(try brokenDown(Foundation.time(nil), utc: false, span)))
        case "mktime":
            guard args.count == 1 else {
                throw ShellError("time.mktime() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            var tm = try tmFrom(args[0], name, span, ev, check: false)
            tm.tm_wday = -1
            let t = Foundation.mktime(&tm)
            if t == -1 && tm.tm_wday == -1 { throw ShellError("mktime argument out of range", span: span, kind: .overflowError) }
            return .float(Double(t))
        case "strftime":
            guard (1...2).contains(args.count) else {
                throw ShellError("strftime() takes at \(args.isEmpty ? "least 1 argument" : "most 2 arguments") (\(args.count) given)", span: span, kind: .typeError)
            }
            guard case .string(let format) = args[0] else {
                throw ShellError("strftime() argument 1 must be str, not \(args[0].typeName)", span: span, kind: .typeError)
            }
            let tm = args.count == 2 ? try tmFrom(args[1], name, span, ev) : try brokenDown(Foundation.time(nil), utc: false, span)
            return .string(try strftime(format, tm, span))
        default:
            throw ShellError("module 'time' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    /// A seconds argument (None or absent: now), floored to whole seconds as CPython does.
    static func timestamp(_ v: Value?, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> time_t {
        guard let v else { return Foundation.time(nil) }
        if case .string = v { throw ShellError("'str' object cannot be interpreted as an integer", span: span, kind: .typeError) }
        let d = try MathModule.double(v, span, ev).rounded(.down)
        if d.isNaN { throw ShellError("Invalid value NaN (not a number)", span: span, kind: .valueError) }
        guard let t = time_t(exactly: d) else { throw ShellError("timestamp out of range for platform time_t", span: span, kind: .overflowError) }
        return t
    }

    static func brokenDown(_ secs: time_t, utc: Bool, _ span: Range<Int>) throws(ShellError) -> Glibc.tm {
        var t = secs
        var tm = Glibc.tm()
        let ok = utc ? gmtime_r(&t, &tm) != nil : localtime_r(&t, &tm) != nil
        if !ok { throw ShellError("[Errno 75] Value too large for defined data type", span: span, kind: .overflowError) }
        return tm
    }

    static func structTime(_ secs: time_t, utc: Bool, _ span: Range<Int>) throws(ShellError) -> Value {
        let tm = try brokenDown(secs, utc: utc, span)
        return structTime(tm)
    }

    /// C's tm as Python's fields: years from 0, months from 1, Monday = 0.
    static func structTime(_ tm: Glibc.tm) -> Value {
        let fields = [Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday), Int(tm.tm_hour), Int(tm.tm_min),
                      Int(tm.tm_sec), (Int(tm.tm_wday) + 6) % 7, Int(tm.tm_yday) + 1, Int(tm.tm_isdst)]
        return .object(NamedTupleValue(cls: structClass, values: fields.map { .int($0) }))
    }

    /// A 9-tuple or struct_time as C's tm, with CPython's checks of each field's range.
    static func tmFrom(_ v: Value, _ name: String, _ span: Range<Int>, _ ev: Evaluator, check: Bool = true) throws(ShellError) -> Glibc.tm {
        var items: [Value]
        switch v {
        case .tuple(let t): items = t.array
        case .object(let o as NamedTupleValue) where o.cls === structClass: items = o.values
        default:
            throw ShellError("Tuple or struct_time argument required", span: span, kind: .typeError)
        }
        guard items.count == 9 else {
            throw ShellError("\(name)(): illegal time tuple argument", span: span, kind: .typeError)
        }
        var f: [Int] = []
        for x in items {
            if case .float = x { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
            f.append(try ArgumentBinder.integer(x, span))
        }
        if check {
            // CPython's checktm, after it maps 0 to the first month, day and day of the year.
            if f[1] == 0 { f[1] = 1 }
            if f[2] == 0 { f[2] = 1 }
            if f[7] == 0 { f[7] = 1 }
            // Python's Monday-first weekday becomes C's Sunday-first one with C's remainder, so
            // -1 and 7 pass and -2 does not.
            if (f[6] + 1) % 7 < 0 { throw ShellError("day of week out of range", span: span, kind: .valueError) }
            let checks: [(Int, ClosedRange<Int>, String)] = [
                (1, 1...12, "month out of range"), (2, 1...31, "day of month out of range"), (3, 0...23, "hour out of range"),
                (4, 0...59, "minute out of range"), (5, 0...61, "seconds out of range"), (7, 1...366, "day of year out of range"),
            ]
            for (i, range, message) in checks where !range.contains(f[i]) {
                throw ShellError(message, span: span, kind: .valueError)
            }
        }
        guard let year = Int32(exactly: f[0] - 1900) else { throw ShellError("year out of range", span: span, kind: .overflowError) }
        var tm = Glibc.tm()
        tm.tm_year = year
        tm.tm_mon = Int32(clamping: f[1] - 1)
        tm.tm_mday = Int32(clamping: f[2])
        tm.tm_hour = Int32(clamping: f[3])
        tm.tm_min = Int32(clamping: f[4])
        tm.tm_sec = Int32(clamping: f[5])
        tm.tm_wday = Int32(clamping: (f[6] + 1) % 7)
        tm.tm_yday = Int32(clamping: f[7] - 1)
        tm.tm_isdst = Int32(clamping: Swift.max(-1, Swift.min(1, f[8])))
        return tm
    }

    /// C's asctime without its newline: 'Thu Jan  1 00:00:00 1970'.
    static func asctime(_ tm: Glibc.tm) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let d = days[((Int(tm.tm_wday) % 7) + 7) % 7], m = months[((Int(tm.tm_mon) % 12) + 12) % 12]
        func two(_ v: Int32) -> String { v < 10 && v >= 0 ? "0\(v)" : "\(v)" }
        let mday = tm.tm_mday < 10 && tm.tm_mday >= 0 ? " \(tm.tm_mday)" : "\(tm.tm_mday)"
        return "\(d) \(m) \(mday) \(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)) \(Int(tm.tm_year) + 1900)"
    }

    /// C's strftime into a buffer that grows, as CPython's does (an empty result from a
    /// non-empty format can mean the buffer was short). A NUL in the format is refused.
    static func strftime(_ format: String, _ tm: Glibc.tm, _ span: Range<Int>) throws(ShellError) -> String {
        if format.isEmpty { return "" }
        if format.utf8.contains(0) { throw ShellError("embedded null character", span: span, kind: .valueError) }
        var tm = tm
        var size = 1024
        let limit = 256 * format.utf8.count + 1024
        while size <= limit {
            var buffer = [CChar](repeating: 0, count: size)
            let n = Glibc.strftime(&buffer, size, format, &tm)
            if n > 0 || size * 2 > limit {
                return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            size *= 2
        }
        return ""
    }
}

extension TimeModule {
    /// What `dir(time)` lists.
    static var names: [String] { Array(functions) + Array(clocks.keys) + ["altzone", "daylight", "timezone", "tzname"] }
}
