import ArgumentParser
import Foundation
import CICU

// Every article allocates its token and mention buffers afresh. glibc serves
// blocks over 128 KB with mmap and gives freed memory back at once, so each
// article faulted in zeroed pages anew (a fifth of the CLI's time went to the
// kernel). Keeping such blocks in the heap reuses them across articles.
ck_keep_freed_memory()

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
