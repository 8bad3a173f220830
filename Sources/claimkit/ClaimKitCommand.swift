import ArgumentParser

/// The `claimkit` command: reads English news articles and writes what they
/// name and state as JSON.
struct ClaimKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimkit",
        abstract: "Extract sentences, entities, quantities and claims from English news articles.",
        discussion: """
            Exit status: 0 when every input was processed, 1 when some input failed \
            (each failure is reported on stderr and as an error record on stdout), \
            2 for a usage error.
            """,
        subcommands: [Extract.self, CompileGazetteers.self],
        defaultSubcommand: Extract.self
    )
}

/// Ends the process with a status after the command has reported why.
struct ExitStatus: Error {
    let code: Int32
}
