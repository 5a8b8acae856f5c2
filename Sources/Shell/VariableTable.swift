import Tensor

/// The table `vars` prints: one row per variable with its kind, shape, dtype and size.
enum VariableTable {
    static func render(_ ws: Workspace) -> String {
        let names = ws.userNames
        if names.isEmpty { return "Interactive namespace is empty." }
        var rows: [[String]] = [["Name", "Kind", "Shape", "Dtype", "Size", "Value"]]
        for name in names {
            guard let v = ws[name] else { continue }
            switch v {
            case .array(let a):
                rows.append([name, "ndarray", shapeString(a.shape), a.dtype.name, String(a.size), ""])
            case .scalar(let a):
                rows.append([name, "scalar", "()", a.dtype.name, "1", ArrayText.scalarStr(a)])
            case .list, .tuple:
                let items = (v).sequenceItems ?? []
                rows.append([name, v.typeName, "", "", String(items.count), ValueFormatter.summary(v)])
            default:
                rows.append([name, v.kindName, "", "", "", ValueFormatter.summary(v)])
            }
        }
        let widths = (0..<6).map { col in rows.map { $0[col].count }.max() ?? 0 }
        var lines: [String] = []
        for (i, row) in rows.enumerated() {
            var line = ""
            for col in 0..<6 {
                let cell = row[col]
                line += col == 5 ? cell : cell.padding(toLength: widths[col] + 2, withPad: " ", startingAt: 0)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
            if i == 0 { lines.append(String(repeating: "-", count: widths.dropLast().reduce(0) { $0 + $1 + 2 } + widths[5])) }
        }
        return lines.joined(separator: "\n")
    }
}
