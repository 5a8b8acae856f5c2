// Entry point; the command-line interface is built in Shell and wired here.
import Foundation

if let status = FileCommands.run(Array(CommandLine.arguments.dropFirst())) { exit(status) }
print("rnnsh: under construction")
