import ArgumentParser
import Foundation

// Usage errors exit with 2, as the README documents (ArgumentParser's own default is 64).
do {
    var command = try ClaimKitCommand.parseAsRoot()
    try command.run()
} catch let failure as ExitStatus {
    exit(failure.code)
} catch {
    let code = ClaimKitCommand.exitCode(for: error)
    let message = ClaimKitCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { Diagnostics.error(message) }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
