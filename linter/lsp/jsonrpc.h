// JSON-RPC 2.0 over LSP's base protocol: `Content-Length: N\r\n\r\n` + N bytes of JSON. Reading frames
// (with recovery from malformed input) and writing messages.
#pragma once

#include <cstdint>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace pyflags::lsp {

// JSON-RPC and LSP error codes.
namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error_code

struct Frame {
  enum class Kind : std::uint8_t {
    Message,    // `body` holds one message's bytes (not yet known to be valid JSON)
    Malformed,  // a header block that cannot be understood; `error` says why (answer with a parse error)
    Garbage,    // bytes before a header that were skipped to find the next frame; `error` says so (log it)
    End,        // end of input
  };
  Kind kind = Kind::End;
  std::string body;  // reused from frame to frame
  std::string error;
};

// Reads frames one by one. After a malformed header block the body that follows cannot be located, so
// the reader resynchronises on the next line that holds `Content-Length:` (also when it is glued to the
// end of the unreadable bytes, as it is after a too-short Content-Length).
class FrameReader {
 public:
  explicit FrameReader(std::istream& in) : in_(in) {}
  // Fills `frame` (its body buffer is reused). Never throws on bad input.
  void next(Frame& frame);

  static constexpr std::size_t kMaxContentLength = 64u << 20;  // larger is taken for garbage
  static constexpr std::size_t kMaxHeaderLine = 1u << 20;

 private:
  // One header line without its line break; false at end of input.
  bool read_line(std::string& line);

  std::istream& in_;
  std::string line_;
  std::string pending_;      // a line's tail (from `Content-Length:` on) to read before the stream
  bool has_pending_ = false;
  bool skipping_ = false;    // after a malformed header block: its body is garbage, skip it quietly
};

// Writes one message as a frame and flushes (the client waits for it).
class MessageWriter {
 public:
  explicit MessageWriter(std::ostream& out) : out_(out) {}
  void write(const nlohmann::json& message);

 private:
  std::ostream& out_;
  std::string buffer_;
};

nlohmann::json make_response(const nlohmann::json& id, nlohmann::json result);
nlohmann::json make_error(const nlohmann::json& id, int code, std::string_view message);
nlohmann::json make_notification(std::string_view method, nlohmann::json params);
nlohmann::json make_request(const nlohmann::json& id, std::string_view method, nlohmann::json params);

}  // namespace pyflags::lsp
