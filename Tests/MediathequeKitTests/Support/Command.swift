import Foundation

/// Runs the built `mediatheque` command, as a user would.
enum Command {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = products.appendingPathComponent("mediatheque")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return Repository.root.appendingPathComponent(".build/debug/mediatheque")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = Repository.root) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "MEDIATHEQUE_SECRET")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
