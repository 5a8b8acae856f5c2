import Tensor

/// `np.random.default_rng(seed)`: a numpy `Generator` in the workspace. Its state is shared by
/// every copy of the value (`g2 = rng` draws from the same stream, as in Python), so it lives in
/// a box. Methods (`rng.normal(0, 1, 3)`) are the registry's `Generator.NAME` commands.
public struct GeneratorObject: ShellObject {
    let box: GeneratorBox

    init(_ generator: Generator) { box = GeneratorBox(generator) }

    public var kind: String { "Generator" }
    public var summary: String { "Generator(PCG64)" }
    public var detail: String { "Generator(PCG64)" }

    static var methods: [String] { RandomCommands.generatorMethodNames }

    public func attribute(_ name: String) -> Value? {
        Self.methods.contains(name) ? .function(Callable(name: "Generator.\(name)", receiver: .object(self))) : nil
    }

    public var attributeNames: [String] { Self.methods }
}

/// The mutable state behind a `GeneratorObject` (used from one thread at a time, like the shell).
final class GeneratorBox: @unchecked Sendable {
    var generator: Generator
    init(_ generator: Generator) { self.generator = generator }
}

/// `np.random.RandomState(seed)`: a legacy state of its own, with the same methods as the
/// global `np.random.*` functions (`RandomState.NAME` commands).
public struct RandomStateObject: ShellObject {
    let box: RandomStateBox

    init(_ state: LegacyRandomState) { box = RandomStateBox(state) }

    public var kind: String { "RandomState" }
    public var summary: String { "RandomState(MT19937)" }
    public var detail: String { "RandomState(MT19937)" }

    public func attribute(_ name: String) -> Value? {
        RandomCommands.legacyMethodNames.contains(name)
            ? .function(Callable(name: "RandomState.\(name)", receiver: .object(self))) : nil
    }

    public var attributeNames: [String] { RandomCommands.legacyMethodNames }
}

final class RandomStateBox: @unchecked Sendable {
    var state: LegacyRandomState
    init(_ state: LegacyRandomState) { self.state = state }
}
