import Foundation
import Data

/// `download mnist`: gets a dataset from where it is published, as Keras's `mnist.load_data()`
/// does, into the cache `mnist` searches. The transfer itself (resume, checksum, atomic rename)
/// is module Data's `Downloader`; this command only names things and shows progress.
enum DownloadCommand {
    static let all: [Command] = [download]

    static let download = Command(
        name: "download", category: "Data",
        summary: "Download MNIST digits (or Fashion-MNIST, KMNIST) into ~/.keras/datasets, verified.",
        parameters: [Parameter("name", .word, default: .none,
                               help: "\(DatasetCatalog.names.joined(separator: ", ")); none: list them and what is downloaded").choices(DatasetCatalog.names)],
        options: [Parameter("url", .string, default: .none, help: "a mirror: a base URL holding the same files (checksums still apply)"),
                  Parameter("dir", .path, default: .none, help: "where to keep the files (default ~/.keras/datasets, where `mnist` looks)")],
        help: """
            Fetches a dataset from its publisher: `mnist` is the `mnist.npz` that Keras's \
            `mnist.load_data()` downloads, checked against the SHA-256 Keras checks, cached as \
            `~/.keras/datasets/mnist.npz`; `fashion-mnist` and `kmnist` are the four IDX files \
            from Zalando and ROIS-CODH, checked against their published sums, cached in \
            `~/.keras/datasets/NAME/`. The bytes arrive in `FILE.part`; an interrupted download \
            (Ctrl-C, a dropped connection) resumes where it stopped the next time, and only a \
            file whose checksum matches is moved into place. Afterwards `mnist` finds it (or \
            `mnist NAME`). Without a network, copy the files there by hand. `download` alone \
            lists the datasets and which are already here.
            """,
        examples: [Example("download", deterministic: false)],
        run: { call in
            let a = call.arguments
            let home = DatasetLocator.home(DatasetLocator.processEnvironment)
            guard let name = a.string("name") else {
                for entry in DatasetCatalog.entries {
                    let path = entry.loadPath(home: home)
                    let here = FileManager.default.fileExists(atPath: path) ? "downloaded: \(path)" : "not downloaded"
                    call.print("\(entry.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(entry.title.padding(toLength: 34, withPad: " ", startingAt: 0)) \(here)")
                }
                return .none
            }
            guard var entry = DatasetCatalog.entry(name) else {
                throw call.error(Suggest.message("unknown dataset '\(name)'", name: name, candidates: DatasetCatalog.names)
                                 + " (known: \(DatasetCatalog.names.joined(separator: ", ")))", argument: "name")
            }
            if let base = a.string("url") { entry = entry.mirrored(at: base) }
            let directory = a.isGiven("dir") ? try call.path("dir") : entry.directory(home: home)
            for file in entry.files {
                let started = Date()
                let outcome: Downloader.Outcome
                do {
                    outcome = try Downloader.fetch(file, into: directory, progress: { received, total in
                        call.emit(.progress(progressText(file.name, received, total, seconds: Date().timeIntervalSince(started))))
                    }, isCancelled: { call.isInterrupted })
                } catch let error as DownloadError {
                    var explanation: String? = nil
                    if case .offline = error {
                        explanation = "copy \(entry.files.map(\.name).joined(separator: ", ")) to \(directory)/ (from \(file.url.dropLast(file.name.count))), then run mnist"
                    }
                    throw ShellError(error.description, explanation: explanation, kind: .osError)
                }
                switch outcome {
                case .alreadyPresent:
                    call.print("\(file.name): already downloaded and verified (\(directory))")
                case .downloaded(let bytes, let resumedFrom):
                    let resumed = resumedFrom > 0 ? ", resumed from \(megabytes(resumedFrom))" : ""
                    call.print("\(file.name): \(megabytes(bytes)) downloaded\(resumed), \(file.digest.algorithm) verified")
                }
            }
            let load = a.isGiven("dir") ? (entry.files.count == 1 ? DatasetLocator.join(directory, entry.files[0].name) : directory)
                                        : entry.name
            call.print("\(entry.title) is in \(directory); load it with: data = mnist \(load)")
            return .none
        })

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// `mnist.npz  4.2 of 11.5 MB  37%  2.1 MB/s`.
    static func progressText(_ name: String, _ received: Int64, _ total: Int64?, seconds: Double) -> String {
        var line = "\(name)  \(megabytes(received))"
        if let total, total > 0 {
            line = "\(name)  \(String(format: "%.1f", Double(received) / 1_000_000)) of \(megabytes(total))  \(Int(Double(received) * 100 / Double(total)))%"
        }
        if seconds > 0.5 { line += String(format: "  %.1f MB/s", Double(received) / 1_000_000 / seconds) }
        return line
    }
}
