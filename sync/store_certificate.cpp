// An EC P-256 key and a ten-year self-signed certificate through OpenSSL, written into a scratch
// folder and renamed into place, so a reader sees the old pair, the new pair, or none.
#include "sync/store_certificate.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include "sync/certificate_pin.hpp"

namespace pos::sync {
namespace {

namespace fs = std::filesystem;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr const char* certificate_name = "store.crt";
constexpr const char* key_name = "store.key";

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<size_t>(size));
}

Certificate make_certificate(EVP_PKEY* key) {
    Certificate certificate(X509_new(), &X509_free);
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof(serial));
    serial[0] &= 0x7f;  // a positive serial number
    BIGNUM* number = BN_bin2bn(serial, sizeof(serial), nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(certificate.get(), key);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("pos-store"), -1, -1,
                               0);
    X509_set_issuer_name(certificate.get(), name);
    if (X509_sign(certificate.get(), key, EVP_sha256()) == 0) return Certificate(nullptr, &X509_free);
    return certificate;
}

// Written with its final mode from the first byte: the key is never readable by others.
bool write_file(const fs::path& path, const std::string& text, mode_t mode) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return false;
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    written = ::fsync(fd) == 0 && written;
    return ::close(fd) == 0 && written;
}

// A fresh pair in a scratch folder next to DIR/tls; its path, or why it could not be made.
support::Expected<fs::path, std::string> make_pair_folder(const fs::path& data_dir) {
    Key key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    if (!key) return std::string("OpenSSL could not make a key for the store's certificate");
    Certificate certificate = make_certificate(key.get());
    if (!certificate) return std::string("OpenSSL could not sign the store's certificate");
    Bio key_pem(BIO_new(BIO_s_mem()), &BIO_free);
    Bio certificate_pem(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(key_pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_X509(certificate_pem.get(), certificate.get());
    fs::path scratch = data_dir / fmt::format("tls.new-{}", ::getpid());
    std::error_code ignored;
    fs::create_directories(data_dir, ignored);
    fs::remove_all(scratch, ignored);
    if (::mkdir(scratch.c_str(), 0700) != 0 || !write_file(scratch / key_name, bio_text(key_pem.get()), 0600) ||
        !write_file(scratch / certificate_name, bio_text(certificate_pem.get()), 0644)) {
        fs::remove_all(scratch, ignored);
        return fmt::format(
            "could not write the store's key and certificate into {}: is the disk full or the folder "
            "read-only?",
            data_dir.string());
    }
    return scratch;
}

support::Expected<StoreCertificate, std::string> read_pair(const fs::path& folder) {
    StoreCertificate pair{(folder / certificate_name).string(), (folder / key_name).string(), {}};
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(pair.certificate_path.c_str(), "rb"), &std::fclose);
    if (!file) return fmt::format("cannot read the store's certificate {}", pair.certificate_path);
    Certificate certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!certificate) {
        return fmt::format(
            "{} is not a PEM certificate: restore it from a backup, or make a new pair with "
            "`pos-store tls rotate` (every lane then needs the new pin)",
            pair.certificate_path);
    }
    if (!fs::exists(pair.key_path)) {
        return fmt::format(
            "the store's key {} is missing: restore it from a backup, or make a new pair with "
            "`pos-store tls rotate` (every lane then needs the new pin)",
            pair.key_path);
    }
    pair.pin = certificate_pin(certificate.get());
    return pair;
}

}  // namespace

support::Expected<StoreCertificate, std::string> ensure_store_certificate(const std::string& data_dir) {
    fs::path folder = fs::path(data_dir) / "tls";
    if (fs::exists(folder)) return read_pair(folder);
    auto scratch = make_pair_folder(data_dir);
    if (!scratch) return scratch.error();
    // rename() of a folder onto an existing, non-empty one fails: whoever renamed first wins.
    if (std::rename(scratch->c_str(), folder.c_str()) != 0) {
        std::error_code ignored;
        fs::remove_all(*scratch, ignored);
    }
    return read_pair(folder);
}

support::Expected<StoreCertificate, std::string> rotate_store_certificate(const std::string& data_dir) {
    fs::path folder = fs::path(data_dir) / "tls";
    fs::path previous = fs::path(data_dir) / "tls.previous";
    auto scratch = make_pair_folder(data_dir);
    if (!scratch) return scratch.error();
    std::error_code error;
    fs::remove_all(previous, error);
    if (fs::exists(folder)) fs::rename(folder, previous, error);
    if (!error) fs::rename(*scratch, folder, error);
    if (error) {
        std::error_code ignored;
        fs::remove_all(*scratch, ignored);
        return fmt::format("could not put the new certificate in place in {}: {}", data_dir, error.message());
    }
    return read_pair(folder);
}

}  // namespace pos::sync
