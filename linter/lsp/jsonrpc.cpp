#include "linter/lsp/jsonrpc.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pyflags::lsp {
namespace {

constexpr std::string_view kContentLength = "content-length:";

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Where `Content-Length:` starts in a line (any case), or npos.
std::size_t find_content_length(std::string_view line) {
  if (line.size() < kContentLength.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + kContentLength.size() <= line.size(); ++i) {
    if ((line[i] == 'C' || line[i] == 'c') && iequals(line.substr(i, kContentLength.size()), kContentLength)) return i;
  }
  return std::string_view::npos;
}

bool is_token(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool FrameReader::read_line(std::string& line) {
  line.clear();
  if (has_pending_) {
    line.swap(pending_);
    has_pending_ = false;
    return true;
  }
  std::streambuf* buffer = in_.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (!any) return false;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.size() < kMaxHeaderLine) line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

void FrameReader::next(Frame& frame) {
  frame.error.clear();
  std::size_t length = 0;
  bool has_length = false, in_headers = false;
  std::string problem;
  for (;;) {
    if (!read_line(line_)) {
      frame.kind = Frame::Kind::End;
      return;
    }
    const std::size_t header_at = find_content_length(line_);
    if (header_at != std::string::npos && header_at > 0) {
      // A header glued to preceding bytes: read it next, and deal with what came before it.
      pending_.assign(line_, header_at);
      has_pending_ = true;
      if (in_headers) {
        frame.kind = Frame::Kind::Malformed;
        frame.error = "header block interrupted by unexpected bytes";
        skipping_ = false;
        return;
      }
      if (skipping_) {  // the body of a frame already answered as malformed
        skipping_ = false;
        continue;
      }
      frame.kind = Frame::Kind::Garbage;
      frame.error = "skipped " + std::to_string(header_at) + " bytes before a Content-Length header";
      return;
    }
    if (line_.empty()) {
      if (in_headers) break;
      continue;  // blank lines between frames are harmless
    }
    if (header_at == std::string::npos && skipping_ && !in_headers) continue;  // rest of an unreadable body
    in_headers = true;
    skipping_ = false;
    const std::size_t colon = line_.find(':');
    const std::string_view name = colon == std::string::npos ? std::string_view() : trim(std::string_view(line_).substr(0, colon));
    if (!is_token(name)) {
      if (problem.empty()) problem = "malformed header line";
      continue;
    }
    if (!iequals(name, "content-length")) continue;  // Content-Type and unknown headers do not matter
    const std::string_view value = trim(std::string_view(line_).substr(colon + 1));
    std::size_t parsed = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
      if (problem.empty()) problem = "invalid Content-Length";
    } else if (parsed > kMaxContentLength) {
      if (problem.empty()) problem = "Content-Length too large";
    } else {
      length = parsed;
      has_length = true;
    }
  }
  if (problem.empty() && !has_length) problem = "missing Content-Length header";
  if (!problem.empty()) {
    frame.kind = Frame::Kind::Malformed;
    frame.error = std::move(problem);
    skipping_ = true;  // whatever body follows cannot be delimited
    return;
  }
  frame.body.resize(length);
  const std::streamsize got = in_.rdbuf()->sgetn(frame.body.data(), static_cast<std::streamsize>(length));
  if (got != static_cast<std::streamsize>(length)) {  // the stream ended inside the body
    frame.kind = Frame::Kind::End;
    return;
  }
  frame.kind = Frame::Kind::Message;
}

void MessageWriter::write(const nlohmann::json& message) {
  // Replace rather than throw on invalid UTF-8: a diagnostic must never take the server down.
  buffer_ = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << "Content-Length: " << buffer_.size() << "\r\n\r\n" << buffer_;
  out_.flush();
}

nlohmann::json make_response(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json make_error(const nlohmann::json& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

nlohmann::json make_notification(std::string_view method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

nlohmann::json make_request(const nlohmann::json& id, std::string_view method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace pyflags::lsp
