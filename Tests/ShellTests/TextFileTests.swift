import Foundation
import TestSupport
import Testing
@testable import Shell

/// `np.savetxt` where numpy's differential cases cannot look (rnnsh has no open() to read a file
/// back): the exact text it writes, recorded from numpy 2.4 (each statement run by numpy in an
/// empty directory, the file read back with `open(name, newline='')`); the write is atomic (a
/// failed savetxt leaves the old file; numpy's leaves it truncated); a `--safe` replay writes only
/// under its directory; and numpy's names are taken as given (no `~`).
@Suite struct TextFileTests {
    /// (statements, the file they write, numpy 2.4's text of that file).
    static let numpysText: [(String, String, String)] = [
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('a.txt', x)",
         "a.txt", "0.000000000000000000e+00 1.000000000000000000e+00 2.000000000000000000e+00\n3.000000000000000000e+00 4.000000000000000000e+00 5.000000000000000000e+00\n"),
        ("np.savetxt('a.txt', np.arange(4).reshape(2, 2))",
         "a.txt", "0.000000000000000000e+00 1.000000000000000000e+00\n2.000000000000000000e+00 3.000000000000000000e+00\n"),
        ("np.savetxt('c.txt', np.arange(3))",
         "c.txt", "0.000000000000000000e+00\n1.000000000000000000e+00\n2.000000000000000000e+00\n"),
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('b.csv', x, fmt='%d', delimiter=',')",
         "b.csv", "0,1,2\n3,4,5\n"),
        ("np.savetxt('b.txt', np.array([[1.7, -1.7]]), fmt='%d')",
         "b.txt", "1 -1\n"),
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('d.txt', x, fmt='%.2f', header='a b c\\nsecond', footer='end', comments='// ')",
         "d.txt", "// a b c\n// second\n0.00 1.00 2.00\n3.00 4.00 5.00\n// end\n"),
        ("np.savetxt('d.txt', np.eye(2), fmt='%g', header='identity')",
         "d.txt", "# identity\n1 0\n0 1\n"),
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('q.csv', x, fmt='%.3f', delimiter=', ', header='x,y,z', comments='')",
         "q.csv", "x,y,z\n0.000, 1.000, 2.000\n3.000, 4.000, 5.000\n"),
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('e.txt', x, fmt=['%d', '%.1f', '%s'])",
         "e.txt", "0 1.0 2.0\n3 4.0 5.0\n"),
        ("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('f.txt', x, fmt='%d|%d|%d')",
         "f.txt", "0|1|2\n3|4|5\n"),
        ("np.savetxt('g.txt', np.array([True, False]))",
         "g.txt", "1.000000000000000000e+00\n0.000000000000000000e+00\n"),
        ("np.savetxt('h.txt', np.array([0.1], np.float32), fmt='%s')",
         "h.txt", "0.1\n"),
        ("np.savetxt('h.txt', np.array([0.1], np.float32))",
         "h.txt", "1.000000014901161194e-01\n"),
        ("np.savetxt('i.txt', np.arange(4.0).reshape(2, 2), newline=';', fmt='%.1f')",
         "i.txt", "0.0 1.0;2.0 3.0;"),
        ("np.savetxt('j.txt', np.array([1, 2]), fmt='%5.1f')",
         "j.txt", "  1.0\n  2.0\n"),
        ("np.savetxt('l.txt', np.zeros((0, 3)))",
         "l.txt", ""),
        ("np.savetxt('m.txt', np.array([np.nan, np.inf, -np.inf, -0.0]))",
         "m.txt", "nan\ninf\n-inf\n-0.000000000000000000e+00\n"),
        ("np.savetxt('n.txt', np.array([1e300, 1e-300, 123456789.123]))",
         "n.txt", "1.000000000000000053e+300\n1.000000000000000025e-300\n1.234567891229999959e+08\n"),
        ("np.savetxt('p.txt', np.arange(6.0).reshape(2, 3) / 4, delimiter='\\t', fmt='%g')",
         "p.txt", "0\t0.25\t0.5\n0.75\t1\t1.25\n"),
        ("np.savetxt('p.txt', np.array([1.5, 2.25]), fmt='%10.3e')",
         "p.txt", " 1.500e+00\n 2.250e+00\n"),
        ("np.savetxt('p.txt', [1, 2, 3], fmt='%d')",
         "p.txt", "1\n2\n3\n"),
        ("np.savetxt('p.txt', np.array([[1.5, 2]]), fmt='%s')",
         "p.txt", "1.5 2.0\n"),
        ("np.savetxt('p.txt', np.array([[1, 2]], dtype=np.uint8), fmt='%s,%r')",
         "p.txt", "1,np.uint8(2)\n"),
        ("np.savetxt('w.txt', np.arange(3))\nnp.savetxt('w.txt', np.arange(2), fmt='%d')",
         "w.txt", "0\n1\n"),
    ]

    @Test func savetxtWritesNumpysText() throws {
        for (source, file, expected) in Self.numpysText {
            let dir = try ScratchDirectory("savetxt-text").path
            defer { ScratchDirectory.remove(dir) }
            let shell = Interpreter(options: .init(workingDirectory: dir))
            #expect(run(source, in: shell) == "", "\(source)")
            let data = FileManager.default.contents(atPath: dir + "/" + file) ?? Data()
            #expect(String(decoding: data, as: UTF8.self) == expected, "\(source)")
        }
    }

    @Test func aFailedSavetxtLeavesTheOldFile() throws {
        let dir = try ScratchDirectory("savetxt-atomic").path
        defer { ScratchDirectory.remove(dir) }
        let shell = Interpreter(options: .init(workingDirectory: dir))
        _ = shell.execute("np.savetxt('w.txt', np.arange(2), fmt='%d')")
        #expect(run("np.savetxt('w.txt', np.arange(6.0).reshape(2, 3), fmt='%%d %d')", in: shell)
                    == "error: Mismatch between array dtype ('float64') and format specifier ('%%d %d')")
        #expect(try String(contentsOfFile: dir + "/w.txt", encoding: .utf8) == "0\n1\n")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["w.txt"])
    }

    @Test func savetxtFollowsTheWriteRules() throws {
        let dir = try ScratchDirectory("savetxt-rules").path
        defer { ScratchDirectory.remove(dir) }
        var options = Interpreter.Options(workingDirectory: dir)
        options.writePolicy = .under(dir)
        let safe = Interpreter(options: options)
        #expect(run("np.savetxt('../out.txt', np.arange(2))", in: safe).hasPrefix("error: [Errno 13] Permission denied: '../out.txt'"))
        #expect(!FileManager.default.fileExists(atPath: (dir as NSString).deletingLastPathComponent + "/out.txt"))
        // numpy's names are taken as given: '~' is a folder of that name here, not the home directory.
        let shell = Interpreter(options: .init(workingDirectory: dir))
        #expect(run("np.savetxt('~/x.txt', np.arange(2))", in: shell) == "error: [Errno 2] No such file or directory: '~/x.txt'")
        #expect(run("np.loadtxt('~/x.txt')", in: shell) == "error: ~/x.txt not found.")
        try FileManager.default.createDirectory(atPath: dir + "/~", withIntermediateDirectories: false)
        #expect(run("np.savetxt('~/x.txt', np.arange(2), fmt='%d')", in: shell) == "")
        #expect(run("print(repr(np.loadtxt('~/x.txt', dtype=int)))", in: shell) == "array([0, 1])")
        #expect(FileManager.default.fileExists(atPath: dir + "/~/x.txt"))
    }
}
