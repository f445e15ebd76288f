// The libcurl error table: which failures certainly happened before the server saw anything.
#include "send/transport_errors.hpp"

#include <curl/curl.h>

namespace tfq::send {

TransferFailure classify_curl_error(int curl_code, bool request_sent) {
  switch (static_cast<CURLcode>(curl_code)) {
    case CURLE_OK: return TransferFailure::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT: return TransferFailure::not_sent;
    case CURLE_OPERATION_TIMEDOUT: return request_sent ? TransferFailure::timeout : TransferFailure::not_sent;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED: return TransferFailure::tls;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      return request_sent ? TransferFailure::connection_lost : TransferFailure::not_sent;
    case CURLE_ABORTED_BY_CALLBACK: return TransferFailure::aborted;
    case CURLE_WRITE_ERROR: return TransferFailure::write_failed;
    default: return TransferFailure::other;
  }
}

std::string_view to_string(TransferFailure failure) {
  switch (failure) {
    case TransferFailure::none: return "none";
    case TransferFailure::not_sent: return "not sent";
    case TransferFailure::timeout: return "timeout";
    case TransferFailure::connection_lost: return "connection lost";
    case TransferFailure::tls: return "TLS failure";
    case TransferFailure::aborted: return "interrupted";
    case TransferFailure::write_failed: return "write failed";
    case TransferFailure::other: return "failure";
  }
  return "failure";
}

}  // namespace tfq::send
