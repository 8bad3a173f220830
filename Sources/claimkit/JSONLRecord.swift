import ClaimKit
import Foundation

/// One input line of `--jsonl`: `{"id": …, "text": …}`.
struct JSONLRecord: Decodable {
    let id: String?
    let text: String

    private enum CodingKeys: String, CodingKey {
        case id, text
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if !container.contains(.text) {
            throw JSONLRecordError("no \"text\" field")
        }
        guard let text = try? container.decode(String.self, forKey: .text) else {
            throw JSONLRecordError("\"text\" is not a string")
        }
        self.text = text
        if (try? container.decodeNil(forKey: .id)) ?? true {
            id = nil
        } else if let string = try? container.decode(String.self, forKey: .id) {
            id = string
        } else if let integer = try? container.decode(Int.self, forKey: .id) {
            id = String(integer)
        } else if let number = try? container.decode(Double.self, forKey: .id) {
            id = String(number)
        } else {
            throw JSONLRecordError("\"id\" is neither a string nor a number")
        }
    }

    /// Parses one line, repairing invalid UTF-8 first; warnings name the byte offsets.
    /// Parses one line, repairing invalid UTF-8 and lone surrogate escapes
    /// first; the byte offsets of what was replaced come back for warnings.
    static func parse(
        _ line: ArraySlice<UInt8>
    ) -> (record: JSONLRecord?, error: String?, invalidOffsets: [Int], surrogateOffsets: [Int]) {
        let decoded = DecodedText(bytes: line)
        var bytes = decoded.invalidByteOffsets.isEmpty ? Array(line) : Array(decoded.text.utf8)
        let surrogates = LoneSurrogates.repair(&bytes)
        let offsets = decoded.invalidByteOffsets
        do {
            let record = try JSONDecoder().decode(JSONLRecord.self, from: Data(bytes))
            return (record, nil, offsets, surrogates)
        } catch let error as JSONLRecordError {
            return (nil, error.message, offsets, surrogates)
        } catch DecodingError.typeMismatch {
            return (nil, "not a JSON object", offsets, surrogates)
        } catch {
            return (nil, "not valid JSON", offsets, surrogates)
        }
    }
}

struct JSONLRecordError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
