import Tensor

/// `random.Random(x)`: a Mersenne Twister of its own. CPython's module functions are the
/// methods of one hidden `Random()`, so an instance's methods are the module's functions run on
/// its own state (`RandomModule.call` with this state swapped in): the same seeding, the same
/// draws, the same error messages. The state lives in a box, so every name bound to the
/// instance draws from one stream, as in Python.
public struct PythonRandomObject: ShellObject {
    final class Box: @unchecked Sendable {
        var state: PythonRandom
        init(_ state: PythonRandom) { self.state = state }
    }

    let box: Box

    init(_ state: PythonRandom) { box = Box(state) }

    public var kind: String { "Random" }
    public var summary: String { "<random.Random object>" }
    public var detail: String { "<random.Random object>" }

    static let methods: Set<String> = RandomModule.functions

    public func attribute(_ name: String) -> Value? {
        Self.methods.contains(name) ? .builtin(Builtin(name: name, receiver: .object(self))) : nil
    }

    public var attributeNames: [String] { Self.methods.sorted() }

    /// `r.NAME(...)`: the module's function on this instance's state.
    func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let interpreter = ev.interpreter
        let saved = interpreter.pythonRandom
        interpreter.pythonRandom = box.state
        defer {
            box.state = interpreter.pythonRandom
            interpreter.pythonRandom = saved
        }
        return try RandomModule.call(name, args, keywords, span: span, evaluator: ev)
    }

    /// `random.Random(x=None)`: a new state seeded as `random.seed(x)` seeds the module's.
    static func make(_ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if !keywords.isEmpty { throw ShellError("Random() takes no keyword arguments", span: span, kind: .typeError) }
        if args.count > 1 { throw ShellError("Random() expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
        let interpreter = ev.interpreter
        let saved = interpreter.pythonRandom
        defer { interpreter.pythonRandom = saved }
        try RandomModule.seed(args.first ?? .none, version: .int(2), span, ev)
        return .object(PythonRandomObject(interpreter.pythonRandom))
    }
}

extension RandomModule {
    /// `random.getstate()`: CPython's `(3, (624 state words..., index), gauss_next)`.
    static func state(_ r: PythonRandom) -> Value {
        var words: [Value] = r.bits.key.map { .int(Int($0)) }
        words.append(.int(r.bits.pos))
        return .tuple([.int(3), .tuple(words), r.gaussNext.map { .float($0) } ?? .none])
    }

    /// `random.setstate(state)`: what getstate returned, read and checked as CPython's
    /// `Random.setstate` and `_random.Random.setstate` read it (version 2 states too).
    static func setState(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        let version = try ev.subscriptValue(v, [.int(0)], span)
        let isTwo: Bool
        switch version {
        case .int(3): isTwo = false
        case .int(2): isTwo = true
        default:
            throw ShellError("state with version \(ValueFormatter.str(version)) passed to Random.setstate() of version 3", span: span, kind: .valueError)
        }
        let parts = try ev.iterate(v, span)
        guard parts.count == 3 else {
            throw ShellError(parts.count > 3 ? "too many values to unpack (expected 3)" : "not enough values to unpack (expected 3, got \(parts.count))",
                             span: span, kind: .valueError)
        }
        var stateWords: [Value]
        if isTwo {
            stateWords = try ev.iterate(parts[1], span)
        } else {
            guard case .tuple(let t) = parts[1] else {
                throw ShellError("state vector must be a tuple", span: span, kind: .typeError)
            }
            stateWords = t.array
        }
        guard stateWords.count == MT19937.stateLength + 1 else {
            throw ShellError("state vector is the wrong size", span: span, kind: .valueError)
        }
        var key: [UInt32] = []
        key.reserveCapacity(MT19937.stateLength)
        for w in stateWords.dropLast() {
            guard case .int(var i) = w else {
                throw ShellError("an integer is required", span: span, kind: .typeError)
            }
            if isTwo { i = Int(UInt32(truncatingIfNeeded: i)) }
            if i < 0 { throw ShellError("can't convert negative value to unsigned int", span: span, kind: .overflowError) }
            guard i <= Int(UInt32.max) else {
                throw ShellError("Python int too large to convert to C unsigned long", span: span, kind: .overflowError)
            }
            key.append(UInt32(i))
        }
        guard case .int(let index)? = stateWords.last, index >= 0, index <= MT19937.stateLength,
              let bits = MT19937(key: key, pos: index) else {
            throw ShellError("invalid state", span: span, kind: .valueError)
        }
        let gauss: Double?
        switch parts[2] {
        case .float(let d): gauss = d
        case .int(let i): gauss = Double(i)
        default: gauss = nil
        }
        var r = ev.interpreter.pythonRandom
        r.bits = bits
        r.gaussNext = gauss
        ev.interpreter.pythonRandom = r
    }
}
