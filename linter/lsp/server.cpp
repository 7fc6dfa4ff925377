// The protocol: lifecycle, document synchronisation, diagnostics (pushed and pulled), code actions and
// configuration changes. One thread; each message is handled completely before the next is read.
#include "linter/lsp/server.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/lint.h"
#include "linter/lsp/code_actions.h"
#include "linter/lsp/diagnostics.h"
#include "linter/lsp/documents.h"
#include "linter/lsp/jsonrpc.h"
#include "linter/lsp/positions.h"
#include "linter/lsp/uri.h"
#include "linter/lsp/workspace_settings.h"
#include "linter/runner.h"

namespace pyflags::lsp {
namespace {

using json = nlohmann::json;

// window/logMessage types.
constexpr int kLogError = 1, kLogWarning = 2;

// A handler's way of answering a request with a specific JSON-RPC error.
struct RequestError {
  int code;
  std::string message;
};

struct OpenDocument {
  Document document;
  bool lintable = false;  // Python source (not e.g. a pyproject.toml the client also syncs)
  ResolvedSetup setup;
  std::vector<Diagnostic> diagnostics;  // from the last lint of the current text
  std::uint64_t result_id = 0;          // identifies that lint for pull diagnostics
};

std::uint32_t clamp_to_u32(std::int64_t n) {
  return n < 0 ? 0 : n > static_cast<std::int64_t>(UINT32_MAX) ? UINT32_MAX : static_cast<std::uint32_t>(n);
}

LspPosition read_position(const json& j) {
  return {clamp_to_u32(j.at("line").get<std::int64_t>()), clamp_to_u32(j.at("character").get<std::int64_t>())};
}

LspRange read_range(const json& j) { return {read_position(j.at("start")), read_position(j.at("end"))}; }

const std::string& uri_of(const json& params) { return params.at("textDocument").at("uri").get_ref<const std::string&>(); }

bool is_python_document(std::string_view language_id, std::string_view path) {
  return language_id == "python" || path.ends_with(".py") || path.ends_with(".pyi");
}

// Benchmark switch: PYFLAGS_LSP_FULL_REPARSE=1 parses every change from scratch (the edited old tree is
// ignored), so bench/lsp_latency.py can compare incremental against full re-parsing. Not for users.
bool full_reparse_requested() {
  const char* value = std::getenv("PYFLAGS_LSP_FULL_REPARSE");
  return value != nullptr && std::string_view(value) == "1";
}

class Server {
 public:
  explicit Server(std::ostream& out) : writer_(out), full_reparse_(full_reparse_requested()) {}

  // Handles one message; returns the process exit code once `exit` has arrived.
  std::optional<int> handle(const json& message);
  void reply_error(const json& id, int code, std::string_view message) { writer_.write(make_error(id, code, message)); }
  void log(int type, const std::string& message) {
    writer_.write(make_notification("window/logMessage", {{"type", type}, {"message", message}}));
  }
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);

  json initialize(const json& params);
  void initialized();
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void did_change_watched_files(const json& params);
  json code_action(const json& params);
  json pull_diagnostics(const json& params);

  OpenDocument* find(const std::string& uri);
  void resolve_setup(OpenDocument& doc);
  void lint(OpenDocument& doc);
  void publish(const std::string& uri, const OpenDocument& doc);
  // The configuration may have changed: read it again, re-lint and re-publish every open document.
  void reload_settings();

  MessageWriter writer_;
  const bool full_reparse_;
  bool initialized_ = false, shutdown_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool watch_registration_ = false, diagnostic_refresh_ = false;  // client capabilities we use
  bool client_pulls_ = false;  // the client asks for diagnostics itself: do not also push them
  std::int64_t next_request_id_ = 1;                              // our own requests to the client
  WorkspaceSettings settings_;
  Linter linter_;
  std::map<std::string, OpenDocument> documents_;  // by URI
  std::uint64_t lint_count_ = 0;
};

std::optional<int> Server::handle(const json& message) {
  const auto id_it = message.find("id");
  const bool has_id = id_it != message.end();
  const json id = has_id ? *id_it : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer()) {
    reply_error(nullptr, error_code::kInvalidRequest, "the id must be a string or an integer");
    return std::nullopt;
  }
  const auto method_it = message.find("method");
  if (method_it == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) return std::nullopt;  // answers ours
    reply_error(id, error_code::kInvalidRequest, "a request needs a method");
    return std::nullopt;
  }
  const auto version_it = message.find("jsonrpc");
  if (!method_it->is_string() || version_it == message.end() || *version_it != "2.0") {
    if (has_id) reply_error(id, error_code::kInvalidRequest, "not a JSON-RPC 2.0 request");
    else log(kLogWarning, "pyflags: ignored a notification that is not JSON-RPC 2.0");
    return std::nullopt;
  }
  const std::string& method = method_it->get_ref<const std::string&>();
  static const json kNoParams = json::object();
  const auto params_it = message.find("params");
  const json& params = params_it == message.end() ? kNoParams : *params_it;

  if (!has_id) {
    if (method == "exit") return exit_code();
    if (!initialized_ || shutdown_) return std::nullopt;  // dropped, as the specification asks
    try {
      notification(method, params);
    } catch (const std::exception& e) {
      log(kLogError, "pyflags: " + method + ": " + e.what());
    }
    return std::nullopt;
  }

  if (!initialized_ && method != "initialize") {
    reply_error(id, error_code::kServerNotInitialized, "the server is not initialized");
    return std::nullopt;
  }
  if (shutdown_) {
    reply_error(id, error_code::kInvalidRequest, "the server is shutting down");
    return std::nullopt;
  }
  try {
    writer_.write(make_response(id, request(method, params)));
  } catch (const RequestError& e) {
    reply_error(id, e.code, e.message);
  } catch (const json::exception& e) {
    reply_error(id, error_code::kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    reply_error(id, error_code::kInternalError, std::string("internal error: ") + e.what());
  }
  return std::nullopt;
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RequestError{error_code::kInvalidRequest, "initialize was already sent"};
    return initialize(params);
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  if (method == "textDocument/diagnostic") return pull_diagnostics(params);
  throw RequestError{error_code::kMethodNotFound, "method not found: " + method};
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "initialized") initialized();
  else if (method == "textDocument/didOpen") did_open(params);
  else if (method == "textDocument/didChange") did_change(params);
  else if (method == "textDocument/didSave") did_save(params);
  else if (method == "textDocument/didClose") did_close(params);
  else if (method == "workspace/didChangeConfiguration") reload_settings();
  else if (method == "workspace/didChangeWatchedFiles") did_change_watched_files(params);
  // $/cancelRequest: every request is answered before the next message is read, so there is never
  // anything left to cancel. Other unknown notifications are ignored, as the specification asks.
}

json Server::initialize(const json& params) {
  const json capabilities = params.value("capabilities", json::object());
  const json encodings = capabilities.value("/general/positionEncodings"_json_pointer, json::array());
  if (encodings.is_array()) {
    for (const json& e : encodings) {
      if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
    }
  }
  watch_registration_ = capabilities.value("/workspace/didChangeWatchedFiles/dynamicRegistration"_json_pointer, false);
  diagnostic_refresh_ = capabilities.value("/workspace/diagnostics/refreshSupport"_json_pointer, false);
  // A client that pulls diagnostics (textDocument/diagnostic) would show pushed ones a second time.
  client_pulls_ = capabilities.contains("/textDocument/diagnostic"_json_pointer);
  initialized_ = true;
  return {
      {"capabilities",
       {{"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
        {"diagnosticProvider", {{"identifier", "pyflags"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}}}}},
      {"serverInfo", {{"name", "pyflags"}, {"version", PYFLAGS_VERSION}}},
  };
}

void Server::initialized() {
  // Configuration files are not Python documents, so the client would not tell us about their
  // changes: ask it to watch them where it can.
  if (!watch_registration_) return;
  const json watchers = {{{"globPattern", "**/{pyproject.toml,pyflags.toml,.pyflags.toml}"}}};
  writer_.write(make_request(next_request_id_++, "client/registerCapability",
                             {{"registrations",
                               {{{"id", "pyflags-config-files"},
                                 {"method", "workspace/didChangeWatchedFiles"},
                                 {"registerOptions", {{"watchers", watchers}}}}}}}));
}

OpenDocument* Server::find(const std::string& uri) {
  const auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::resolve_setup(OpenDocument& doc) {
  doc.setup = settings_.for_file(doc.document.file().path(), [this](const std::string& m) { log(kLogError, m); });
}

void Server::lint(OpenDocument& doc) {
  if (!doc.lintable) return;
  std::unique_ptr<TSTree, TreeDeleter>& tree = doc.document.tree();
  const TSTree* old_tree = full_reparse_ ? nullptr : tree.get();
  doc.diagnostics = pyflags::lint(doc.document.file(), linter_, doc.setup.setup.lint_options(), &tree, old_tree);
  doc.result_id = ++lint_count_;
}

void Server::publish(const std::string& uri, const OpenDocument& doc) {
  if (!doc.lintable || client_pulls_) return;
  writer_.write(make_notification("textDocument/publishDiagnostics",
                                  {{"uri", uri},
                                   {"version", doc.document.version()},
                                   {"diagnostics", to_lsp(doc.diagnostics, doc.document.file(), encoding_)}}));
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  const std::string& uri = item.at("uri").get_ref<const std::string&>();
  std::string path = uri_to_path(uri).value_or(uri_file_name(uri));
  const std::string language = item.value("languageId", "");
  const bool lintable = is_python_document(language, path);
  OpenDocument opened{Document(std::move(path), item.at("text").get<std::string>(), item.value("version", std::int64_t{0})),
                      lintable, {}, {}, 0};
  OpenDocument& doc = documents_.insert_or_assign(uri, std::move(opened)).first->second;
  resolve_setup(doc);
  lint(doc);
  publish(uri, doc);
}

void Server::did_change(const json& params) {
  const std::string& uri = uri_of(params);
  OpenDocument* doc = find(uri);
  if (doc == nullptr) {
    log(kLogWarning, "pyflags: didChange for a document that is not open: " + uri);
    return;
  }
  doc->document.set_version(params.at("textDocument").value("version", doc->document.version()));
  for (const json& change : params.at("contentChanges")) {
    const auto range = change.find("range");
    TextChange edit{range == change.end() ? std::nullopt : std::optional<LspRange>(read_range(*range)),
                    change.at("text").get_ref<const std::string&>()};
    doc->document.apply(edit, encoding_);
  }
  lint(*doc);
  publish(uri, *doc);
}

void Server::did_save(const json& params) {
  const std::string& uri = uri_of(params);
  if (WorkspaceSettings::is_config_file(uri_file_name(uri))) {
    reload_settings();
    return;
  }
  if (OpenDocument* doc = find(uri)) {
    lint(*doc);
    publish(uri, *doc);
  }
}

void Server::did_close(const json& params) {
  const std::string& uri = uri_of(params);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  const bool lintable = it->second.lintable;
  documents_.erase(it);
  if (lintable) {
    if (!client_pulls_) {
      writer_.write(make_notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
    }
  }
}

void Server::did_change_watched_files(const json& params) {
  for (const json& change : params.at("changes")) {
    if (WorkspaceSettings::is_config_file(uri_file_name(change.at("uri").get_ref<const std::string&>()))) {
      reload_settings();
      return;
    }
  }
}

void Server::reload_settings() {
  settings_.reload();
  for (auto& [uri, doc] : documents_) {
    resolve_setup(doc);
    lint(doc);  // the text is unchanged, so the parse reuses the whole old tree; the walk runs anew
    publish(uri, doc);
  }
  if (diagnostic_refresh_) writer_.write(make_request(next_request_id_++, "workspace/diagnostic/refresh", nullptr));
}

json Server::code_action(const json& params) {
  const std::string& uri = uri_of(params);
  const OpenDocument* doc = find(uri);
  if (doc == nullptr) return json::array();
  // Honour context.only: we only make quick fixes.
  const json only = params.value("/context/only"_json_pointer, json());
  if (only.is_array()) {
    bool wanted = false;
    for (const json& kind : only) {
      if (!kind.is_string()) continue;
      const std::string& k = kind.get_ref<const std::string&>();
      wanted = wanted || k == "quickfix" || k.empty();
    }
    if (!wanted) return json::array();
  }
  return code_actions(uri, doc->document.file(), doc->document.tree(), doc->diagnostics,
                      read_range(params.at("range")), encoding_);
}

json Server::pull_diagnostics(const json& params) {
  const std::string& uri = uri_of(params);
  if (OpenDocument* doc = find(uri)) {
    const std::string result_id = std::to_string(doc->result_id);
    if (params.value("previousResultId", "") == result_id) return {{"kind", "unchanged"}, {"resultId", result_id}};
    return {{"kind", "full"}, {"resultId", result_id}, {"items", to_lsp(doc->diagnostics, doc->document.file(), encoding_)}};
  }
  // Not open: lint what is on disk, if anything.
  const std::optional<std::string> path = uri_to_path(uri);
  std::string error;
  std::optional<std::string> text = path ? read_file(*path, error) : std::nullopt;
  if (!text || !is_python_document("", *path)) return {{"kind", "full"}, {"items", json::array()}};
  const ResolvedSetup setup = settings_.for_file(*path, [this](const std::string& m) { log(kLogError, m); });
  const SourceFile file(*path, std::move(*text));
  const std::vector<Diagnostic> diagnostics = pyflags::lint(file, linter_, setup.setup.lint_options());
  return {{"kind", "full"}, {"items", to_lsp(diagnostics, file, encoding_)}};
}

}  // namespace

int run_server(std::istream& in, std::ostream& out) {
  Server server(out);
  FrameReader reader(in);
  Frame frame;
  for (;;) {
    reader.next(frame);
    switch (frame.kind) {
      case Frame::Kind::End:
        return server.exit_code();  // the client went away without `exit`
      case Frame::Kind::Malformed:
        server.reply_error(nullptr, error_code::kParseError, "malformed message header: " + frame.error);
        continue;
      case Frame::Kind::Garbage:
        server.log(kLogWarning, "pyflags: " + frame.error);
        continue;
      case Frame::Kind::Message:
        break;
    }
    json message = json::parse(frame.body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      server.reply_error(nullptr, error_code::kParseError, "the message is not valid JSON");
      continue;
    }
    if (!message.is_object()) {
      server.reply_error(nullptr, error_code::kInvalidRequest, "a message must be a JSON object");
      continue;
    }
    if (const std::optional<int> code = server.handle(message)) return *code;
  }
}

}  // namespace pyflags::lsp
