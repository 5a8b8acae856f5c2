import Foundation
import Testing
@testable import Data

/// Downloads against a real HTTP server on 127.0.0.1 (scripts/dataset_test_server.py) that serves
/// a crafted file well, corrupted, truncated, stalled, without Range support, or not at all — the
/// ways a real download goes wrong. Nothing leaves this machine.
@Suite(.serialized) struct DownloadTests {
    /// The server process, the port it listens on, and the directory it serves.
    final class TestServer {
        let process = Process()
        let stdin = Pipe()
        let port: Int
        let root: String

        init() throws {
            root = try DataTestSupport.tempDir("served")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/dataset_test_server.py")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, root]
            let out = Pipe()
            process.standardInput = stdin
            process.standardOutput = out
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }

        func url(_ mode: String, _ name: String) -> String { "http://127.0.0.1:\(port)/\(mode)/\(name)" }

        deinit {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
            DataTestSupport.remove(root)
        }
    }

    /// A file of `count` pseudo-random bytes in the served directory, and its SHA-256 as Python's
    /// hashlib computes it (an oracle independent of ours).
    static func servedFile(_ server: TestServer, name: String, count: Int) throws -> (bytes: [UInt8], sha256: String) {
        var state: UInt64 = 0x9E3779B97F4A7C15
        let bytes = (0..<count).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        try DataTestSupport.write(server.root + "/" + name, bytes)
        return (bytes, try pythonDigest("sha256", path: server.root + "/" + name))
    }

    static func pythonDigest(_ algorithm: String, path: String) throws -> String {
        try pythonDigests(algorithm, paths: [path])[0]
    }

    /// hashlib's digests of several files, one python3 run.
    static func pythonDigests(_ algorithm: String, paths: [String]) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import hashlib,sys\nfor f in sys.argv[1:]: print(hashlib.\(algorithm)(open(f,'rb').read()).hexdigest())"] + paths
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static let quick = Downloader.Options(stallSeconds: 1, connectSeconds: 5)

    @Test func goodDownloadIsVerifiedAndThenFoundInPlace() throws {
        let server = try TestServer()
        let (bytes, sha) = try Self.servedFile(server, name: "mnist.npz", count: 300_000)
        let dir = try DataTestSupport.tempDir("dl-good")
        defer { DataTestSupport.remove(dir) }
        let file = DatasetCatalog.File(name: "mnist.npz", url: server.url("good", "mnist.npz"), digest: .sha256(sha))
        var reports: [(Int64, Int64?)] = []
        let outcome = try Downloader.fetch(file, into: dir, options: Self.quick, progress: { reports.append(($0, $1)) })
        #expect(outcome == .downloaded(bytes: 300_000, resumedFrom: 0))
        #expect(Self.contents(dir + "/mnist.npz") == bytes)
        #expect(!FileManager.default.fileExists(atPath: dir + "/mnist.npz.part"))
        #expect(reports.last.map { $0.0 == 300_000 && $0.1 == 300_000 } == true)
        // A second call finds the verified file and does not download again.
        #expect(try Downloader.fetch(file, into: dir, options: Self.quick) == .alreadyPresent)
    }

    @Test func corruptDownloadIsRemovedWithTheChecksumsInTheMessage() throws {
        let server = try TestServer()
        let (_, sha) = try Self.servedFile(server, name: "f.bin", count: 5_000)
        let dir = try DataTestSupport.tempDir("dl-corrupt")
        defer { DataTestSupport.remove(dir) }
        let file = DatasetCatalog.File(name: "f.bin", url: server.url("corrupt", "f.bin"), digest: .sha256(sha))
        #expect(throws: DownloadError.self) { try Downloader.fetch(file, into: dir, options: Self.quick) }
        do {
            _ = try Downloader.fetch(file, into: dir, options: Self.quick)
        } catch {
            guard case .checksumMismatch(let name, let expected, let actual) = error else { Issue.record("\(error)"); return }
            #expect(name == "f.bin" && expected == .sha256(sha) && actual != sha && actual.count == 64)
            #expect(error.description.hasPrefix("f.bin: sha256 is \(actual), expected \(sha); the file was removed"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func truncatedDownloadKeepsWhatArrivedAndResumes() throws {
        let server = try TestServer()
        let (bytes, sha) = try Self.servedFile(server, name: "t.gz", count: 200_000)
        let dir = try DataTestSupport.tempDir("dl-resume")
        defer { DataTestSupport.remove(dir) }
        let broken = DatasetCatalog.File(name: "t.gz", url: server.url("truncated", "t.gz"), digest: .sha256(sha))
        do {
            _ = try Downloader.fetch(broken, into: dir, options: Self.quick)
            Issue.record("a truncated transfer must fail")
        } catch {
            guard case .incomplete(let name, let received, _, _) = error else { Issue.record("\(error)"); return }
            #expect(name == "t.gz" && received == 100_000)
            #expect(error.description.hasSuffix("run download again to resume"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.gz"))
        #expect(Self.contents(dir + "/t.gz.part") == Array(bytes[0..<100_000]))
        let good = DatasetCatalog.File(name: "t.gz", url: server.url("good", "t.gz"), digest: .sha256(sha))
        #expect(try Downloader.fetch(good, into: dir, options: Self.quick) == .downloaded(bytes: 200_000, resumedFrom: 100_000))
        #expect(Self.contents(dir + "/t.gz") == bytes)
    }

    @Test func aServerThatIgnoresRangeMakesTheDownloadStartOver() throws {
        let server = try TestServer()
        let (bytes, sha) = try Self.servedFile(server, name: "n.bin", count: 50_000)
        let dir = try DataTestSupport.tempDir("dl-norange")
        defer { DataTestSupport.remove(dir) }
        try DataTestSupport.write(dir + "/n.bin.part", Array(bytes[0..<20_000]))
        let file = DatasetCatalog.File(name: "n.bin", url: server.url("norange", "n.bin"), digest: .sha256(sha))
        _ = try Downloader.fetch(file, into: dir, options: Self.quick)
        #expect(Self.contents(dir + "/n.bin") == bytes)
    }

    @Test func aCompletePartFileIsCheckedNotDownloadedAgain() throws {
        let server = try TestServer()
        let (bytes, sha) = try Self.servedFile(server, name: "c.bin", count: 10_000)
        let dir = try DataTestSupport.tempDir("dl-complete-part")
        defer { DataTestSupport.remove(dir) }
        try DataTestSupport.write(dir + "/c.bin.part", bytes)
        let file = DatasetCatalog.File(name: "c.bin", url: server.url("good", "c.bin"), digest: .sha256(sha))
        _ = try Downloader.fetch(file, into: dir, options: Self.quick)
        #expect(Self.contents(dir + "/c.bin") == bytes)
    }

    @Test func aStalledServerTimesOutAndKeepsThePart() throws {
        let server = try TestServer()
        let (_, sha) = try Self.servedFile(server, name: "s.bin", count: 10_000)
        let dir = try DataTestSupport.tempDir("dl-slow")
        defer { DataTestSupport.remove(dir) }
        let file = DatasetCatalog.File(name: "s.bin", url: server.url("slow", "s.bin"), digest: .sha256(sha))
        do {
            _ = try Downloader.fetch(file, into: dir, options: Self.quick)
            Issue.record("a stalled transfer must fail")
        } catch {
            guard case .incomplete(_, let received, _, let reason) = error else { Issue.record("\(error)"); return }
            #expect(received == 16 && reason.hasPrefix("stalled"))
        }
        #expect(Downloader.fileSize(dir + "/s.bin.part") == 16)
    }

    @Test func cancellingStopsTheTransfer() throws {
        let server = try TestServer()
        let (_, sha) = try Self.servedFile(server, name: "x.bin", count: 10_000)
        let dir = try DataTestSupport.tempDir("dl-cancel")
        defer { DataTestSupport.remove(dir) }
        let file = DatasetCatalog.File(name: "x.bin", url: server.url("slow", "x.bin"), digest: .sha256(sha))
        do {
            _ = try Downloader.fetch(file, into: dir, options: Downloader.Options(stallSeconds: 20), isCancelled: { true })
            Issue.record("a cancelled transfer must fail")
        } catch {
            guard case .incomplete(_, _, _, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason == "interrupted")
        }
    }

    @Test func missingFilesAndUnreachableServersSayWhat() throws {
        let server = try TestServer()
        let dir = try DataTestSupport.tempDir("dl-errors")
        defer { DataTestSupport.remove(dir) }
        let missing = DatasetCatalog.File(name: "none.bin", url: server.url("good", "none.bin"), digest: .sha256(String(repeating: "0", count: 64)))
        #expect(throws: DownloadError.http(status: 404, url: server.url("good", "none.bin"))) {
            try Downloader.fetch(missing, into: dir, options: Self.quick)
        }
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let offline = DatasetCatalog.File(name: "o.bin", url: "http://127.0.0.1:1/o.bin", digest: .md5(String(repeating: "0", count: 32)))
        do {
            _ = try Downloader.fetch(offline, into: dir, options: Self.quick)
            Issue.record("an unreachable server must fail")
        } catch {
            guard case .offline = error else { Issue.record("\(error)"); return }
            #expect(error.description.hasPrefix("no network: could not reach http://127.0.0.1:1/o.bin"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no empty .part files are left behind")
    }

    @Test func digestsMatchPublishedTestVectorsAndPython() throws {
        func hex(_ d: Digest, _ s: String) -> String {
            var h = d.hasher()
            Array(s.utf8).withUnsafeBytes { h.update($0) }
            return h.finalizeHex()
        }
        // FIPS 180-4 and RFC 1321 examples.
        #expect(hex(.sha256(""), "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(.sha256(""), "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(.sha256(""), "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(.md5(""), "") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex(.md5(""), "message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
        #expect(hex(.md5(""), String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
        // Files of every length around the block size, fed in odd pieces, against hashlib.
        let dir = try DataTestSupport.tempDir("digest")
        defer { DataTestSupport.remove(dir) }
        let sizes = [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1_000, 70_001]
        let paths = sizes.map { dir + "/f\($0)" }
        for (n, path) in zip(sizes, paths) {
            try DataTestSupport.write(path, (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        }
        let sha = try Self.pythonDigests("sha256", paths: paths), md5 = try Self.pythonDigests("md5", paths: paths)
        for (k, path) in paths.enumerated() {
            #expect(try Downloader.digest(of: path, .sha256("")) == sha[k], "sha256 of \(sizes[k]) bytes")
            #expect(try Downloader.digest(of: path, .md5("")) == md5[k], "md5 of \(sizes[k]) bytes")
        }
    }

    @Test func theCatalogNamesWhatMnistSearches() {
        #expect(DatasetCatalog.entry("MNIST")?.files.map(\.name) == ["mnist.npz"])
        #expect(DatasetCatalog.entry("fashion")?.name == "fashion-mnist")
        #expect(DatasetCatalog.entry("kmnist")?.loadPath(home: "/h") == "/h/.keras/datasets/kmnist")
        #expect(DatasetCatalog.entry("mnist")?.loadPath(home: "/h") == "/h/.keras/datasets/mnist.npz")
        #expect(DatasetCatalog.entry("mnist")?.mirrored(at: "http://m/x").files[0].url == "http://m/x/mnist.npz")
        for entry in DatasetCatalog.entries {
            #expect(DatasetLocator.searchPath(environment: ["HOME": "/h"]).contains(entry.loadPath(home: "/h")))
        }
    }
}
