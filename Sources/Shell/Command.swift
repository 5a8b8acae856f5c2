import Tensor

/// A shell command, declared once as data. Help, `?CMD`, completion, argument checking,
/// `docs/commands.md` and the example tests are all derived from these fields.
public struct Command: Sendable {
    /// The name typed in command form and called in numpy form (`np.NAME(...)`, `NAME(...)`).
    public var name: String
    /// Groups commands in `help` and in the generated docs (`Arrays`, `Shape`, `Workspace`, …).
    public var category: String
    /// One line for the `help` overview.
    public var summary: String
    /// Positional parameters in order; each may also be given as `name=value`.
    public var parameters: [Parameter]
    /// Keyword-only options (`axis=0`).
    public var options: [Parameter]
    /// One paragraph: what it does, numpy's equivalent, what to watch for.
    public var help: String
    /// Runnable examples; a test runs every one and the docs show their real output.
    public var examples: [Example]
    /// Also callable as a method of its first argument (`x.reshape(2, 3)`), as in numpy.
    public var isMethod: Bool
    /// The body. Arguments arrive checked and converted to their parameter kinds. It may throw
    /// `ShellError`, or `TensorError` straight from the tensor core (shown with numpy's wording);
    /// any other error is shown by its description.
    public var run: @Sendable (Invocation) throws -> Value
    /// How the file names it is given are read in numpy form (command form is always `.shell`).
    public var fileNames: FileNameMeaning = .shell

    public init(name: String, category: String, summary: String,
                parameters: [Parameter] = [], options: [Parameter] = [],
                help: String, examples: [Example] = [], isMethod: Bool = false,
                run: @escaping @Sendable (Invocation) throws -> Value) {
        self.name = name
        self.category = category
        self.summary = summary
        self.parameters = parameters
        self.options = options
        self.help = help
        self.examples = examples
        self.isMethod = isMethod
        self.run = run
    }

    /// `reshape ARRAY SHAPE... [order='C']`, built from the parameters so it never drifts.
    public var synopsis: String {
        var parts = [name]
        for p in parameters {
            let shown = p.metavar + (p.isVariadic ? "..." : "")
            if p.isRequired {
                parts.append(shown)
            } else if let d = p.defaultText, d != "None", !p.isVariadic {
                parts.append("[\(shown)=\(d)]")
            } else {
                parts.append("[\(shown)]")
            }
        }
        for o in options {
            parts.append(o.collectsKeywords ? "[NAME=VALUE...]" : "[\(o.name)=\(o.defaultText ?? o.metavar)]")
        }
        return parts.joined(separator: " ")
    }

    /// True when the command's one argument is a whole statement (`time STATEMENT`).
    public var takesStatement: Bool {
        parameters.count == 1 && parameters.first?.kind == .statement
    }

    /// Every parameter and option, for keyword matching and completion.
    public var allParameters: [Parameter] { parameters + options }
}

/// One parameter or option of a command.
public struct Parameter: Sendable {
    public var name: String
    public var kind: ParameterKind
    /// nil: required. Otherwise the value used when it is not given.
    public var defaultValue: Value?
    /// One line shown in `help CMD`.
    public var help: String
    /// Soaks up the remaining positional arguments (`reshape x 2 4 3`); one list or tuple
    /// (`reshape(x, (2, 4, 3))`) is accepted in their place.
    public var isVariadic: Bool
    /// The values Tab offers after `name=` (`format=` → tf, keras, torch); empty: any value.
    public var choices: [String] = []
    /// The call forms in which `isVariadic` holds: numpy's own signatures take one shape where
    /// the shell's command form takes several (`zeros 2 3` but `np.zeros(3, int)`, whose second
    /// argument is the dtype, and `x.reshape(2, 3)` but `np.reshape(x, (2, 3), 'F')`).
    public var variadicForms: Set<CallForm> = Set(CallForm.allCases)
    /// Names a learner coming from another library may try for this parameter (`hidden=`,
    /// `rnn_size=` for `units=`): an unknown keyword that is one of them suggests this one.
    public var aliases: [String] = []
    /// Soaks up every keyword argument no other parameter takes, as a record in the order
    /// written (Python's `**kwds`, e.g. `np.savez(f, a=x, b=y)`).
    public var collectsKeywords = false

    /// Python's `**name`: keyword arguments with any names, bound as a record.
    public init(keywords name: String, help: String) {
        self.init(name, .value, default: .record(Record([])), help: help)
        collectsKeywords = true
    }

    /// A required parameter.
    public init(_ name: String, _ kind: ParameterKind, variadic: Bool = false, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = nil
        self.help = help
        self.isVariadic = variadic
    }

    /// An optional parameter. (`default` is not optional on purpose: `default: .none` means
    /// Python's None, never "required".)
    public init(_ name: String, _ kind: ParameterKind, default defaultValue: Value, variadic: Bool = false, help: String) {
        self.init(name, kind, variadic: variadic, help: help)
        self.defaultValue = defaultValue
    }

    /// The same parameter, variadic only in `forms` (one argument in the others).
    public func variadic(in forms: Set<CallForm>) -> Parameter {
        var p = self
        p.variadicForms = forms
        return p
    }

    /// This parameter as a call written in `form` binds it.
    func binding(in form: CallForm) -> Parameter {
        guard isVariadic, !variadicForms.contains(form) else { return self }
        var p = self
        p.isVariadic = false
        return p
    }

    /// The same parameter with Tab-completable values.
    public func choices(_ values: [String]) -> Parameter {
        var p = self
        p.choices = values
        return p
    }

    /// The same parameter, suggested when one of `names` is given instead.
    public func aliases(_ names: [String]) -> Parameter {
        var p = self
        p.aliases = names
        return p
    }

    /// What Tab offers after `name=`: the declared choices, else the values of the kind.
    public var completionValues: [String] {
        if !choices.isEmpty { return choices }
        switch kind {
        case .bool: return ["True", "False"]
        case .dtype: return DType.allCases.map(\.name)
        default: return []
        }
    }

    public var isRequired: Bool { defaultValue == nil }

    /// The placeholder shown in synopses (`ARRAY`, `SHAPE`).
    public var metavar: String { name.uppercased() }

    /// How the default reads in a synopsis (`0`, `'C'`, `None`).
    public var defaultText: String? {
        guard let defaultValue else { return nil }
        if case .dtype(let d) = defaultValue { return d.name }
        return ValueFormatter.repr(defaultValue)
    }
}

/// How a command was called: `zeros 2 3` (command form), `np.zeros((2, 3))` or `zeros((2, 3))`
/// (function form), `x.reshape(2, 3)` (method form). numpy's signatures differ between its
/// function and method forms, and the shell's command form is variadic where numpy is not.
public enum CallForm: Sendable, Hashable, CaseIterable {
    case command, function, method
}

/// What `~` in a file name means. A shell user typing `save x ~/w.npy` means `$HOME`; numpy's
/// file functions open the name as Python's `open` does, and numpy never calls
/// `os.path.expanduser`: `np.save('~/x', a)` writes `x.npy` into a folder named `~` in the
/// working directory (or fails when there is none), so rnnsh must not write into `$HOME`.
public enum FileNameMeaning: Sendable {
    /// `~` and `~/…` are `$HOME` (the shell's commands, and every command form).
    case shell
    /// The name as given (numpy's `np.save`, `np.savez`, `np.load` in numpy form).
    case python
}

extension Command {
    /// The same command, reading file names as numpy's functions do in numpy form.
    func namingFilesAsPython() -> Command {
        var c = self
        c.fileNames = .python
        return c
    }
}

/// What a parameter accepts; the binder converts arguments to it (with numpy's error wording).
public enum ParameterKind: Equatable, Sendable {
    /// Any value, unconverted.
    case value
    /// An array; lists, tuples and numbers are converted like `np.asarray`.
    case array
    /// A Python int (bools and integer numpy scalars accepted, floats refused as numpy does).
    case int
    /// An int or None.
    case optionalInt
    /// A number.
    case float
    case bool
    case string
    /// A dtype (`float32`, `np.int64`, `'f4'`), or None.
    case dtype
    /// Ints: several positional ints, or one list/tuple of ints (shapes, axes).
    case ints
    /// An int or a list of ints (split's `indices_or_sections`).
    case intOrInts
    /// A name or word taken literally, not evaluated (`help reshape`, `del x`, `history save`).
    case word
    /// A file path: a string, a variable holding one, or the word as typed (`load w.npz`).
    /// A variable holding something else arrives as that value; read it with `Invocation.path(_:)`.
    case path
    /// A whole statement (`time x = arange 9`).
    case statement
}

/// A runnable example: statements (one per line) as a user would type them.
public struct Example: Sendable {
    public var source: String
    /// False when the output changes from run to run (timings): the docs then omit it and the
    /// test only checks that it runs without error.
    public var isDeterministic: Bool

    /// True when the example states a fact about numpy's result (a dtype, a shape, a value) that
    /// the help text relies on: it is then also a case of the `help-claims` differential family
    /// (`rnnsh docs --claims`), so CPython + numpy must print exactly what rnnsh shows. A help
    /// page's claim about a result is made by such an example, never by prose alone.
    public var isNumpyChecked: Bool

    public init(_ source: String, deterministic: Bool = true, numpy: Bool = false) {
        self.source = source
        self.isDeterministic = deterministic
        self.isNumpyChecked = numpy
    }

    /// An example whose output numpy must reproduce (see `isNumpyChecked`); written in numpy form.
    public static func numpy(_ source: String) -> Example { Example(source, numpy: true) }
}
