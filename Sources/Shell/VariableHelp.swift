import Explore
import Tensor

/// `x?` (and `help x`) for a variable, as IPython's `x?` answers it: the value's type and its
/// string form, then what rnnsh knows beyond that — an array's memory facts (`info`), an
/// object's attributes — and how to ask about a method.
enum VariableHelp {
    /// Lines of the string form shown before it is cut (IPython cuts long forms too).
    static let shownLines = 8

    static func page(_ name: String, _ value: Value, related: [(name: String, array: NDArray)]) -> String {
        let type = value.typeName.split(separator: ".").last.map(String.init) ?? value.typeName
        var lines = ["Type:        \(type)"]
        let form: String
        if case .object(let o) = value { form = o.detail } else { form = ValueFormatter.str(value) }
        var formLines = form.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if formLines.count > shownLines { formLines = Array(formLines.prefix(shownLines)) + ["…"] }
        if formLines.count == 1 {
            lines.append("String form: \(formLines[0])")
        } else {
            lines.append("String form:")
            lines += formLines
        }
        switch value {
        case .array(let a):
            lines.append(ArrayInfo(a, name: name, related: related).text)
            lines.append("\(name).METHOD? explains one of its methods (\(name).reshape?, \(name).sum?)")
        case .object(let o) where !o.attributeNames.isEmpty:
            lines.append("Attributes:  " + o.attributeNames.joined(separator: " "))
        default:
            break
        }
        return lines.joined(separator: "\n")
    }
}
