// nextup-wsload: WebSocket fan-out of a running nextup-server, measured by a client that is not
// the bottleneck: plain C++ over epoll, one thread, no Qt, a few hundred bytes per socket, so
// 10,000 sockets fit one process and its reading costs microseconds per frame. It prints numbers
// and never judges them.
//
//   nextup-wsload --port P [--sockets 1000] [--rounds 20] [--room global] [--service 1]
//                 [--user kiosk --password kiosk123] [--gap-ms 200] [--server-pid PID]
//                 [--cycles 0 --cycle-sockets 1000] [--idle-seconds 0]
//
// Fan-out (default): opens --sockets connections to ws://127.0.0.1:P/ws/queues (RFC 6455
// handshake, masked client frames), subscribes each to --room, then --rounds times issues a token
// (POST /api/tokens as --user) and times its token_generated event at every socket, while a
// separate connection asks GET /healthz every 10 ms. Per round it waits until every socket has
// the event (or 10 s) and --gap-ms more. RESULT lines:
//   fanout_request: request sent -> event read, per socket (HTTP, Postgres, Redis, the hub);
//   fanout_spread:  first socket to read a round's event -> this socket;
//   healthz:        /healthz answers during the rounds;
//   server_fanout:  the server's own figure from /metrics (nextup_ws_fanout_seconds: event
//                   received from Redis -> the last socket's frame handed to the kernel);
//   rss:            the server's resident memory before and after the sockets (--server-pid).
// Memory cycles (--cycles N): N times, --cycle-sockets sockets connect, subscribe and close;
// prints the server's RSS at the start, every 10 cycles and at the end.
// --idle-seconds S: after the rounds, the sockets stay open and silent for S s and the server's
// RSS is read again (memory per idle socket).
// Only 127.0.0.1 is ever contacted.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

struct Options
{
    int port = 0;
    int sockets = 1000;
    int rounds = 20;
    int gapMs = 200;
    int serviceId = 1;
    int serverPid = 0;
    int cycles = 0;
    int cycleSockets = 1000;
    int idleSeconds = 0;
    int phones = 0; // the realistic mix (runMix) when > 0
    int boards = 50;
    int consoles = 100;
    int callsPerMinute = 100;
    int mixSeconds = 60;
    std::string room = "global";
    std::string user = "kiosk";
    std::string password = "kiosk123";
};

// Latencies kept whole: percentiles are exact (nearest rank).
class Samples
{
public:
    void add(int64_t ns) { m_ns.push_back(ns); }
    size_t count() const { return m_ns.size(); }
    double percentileMs(double p)
    {
        if (m_ns.empty())
            return 0;
        std::sort(m_ns.begin(), m_ns.end());
        const size_t rank = size_t(std::max(1.0, std::ceil(p / 100.0 * double(m_ns.size()))));
        return double(m_ns[std::min(rank, m_ns.size()) - 1]) / 1e6;
    }

private:
    std::vector<int64_t> m_ns;
};

long rssKb(int pid)
{
    if (pid <= 0)
        return -1;
    FILE *status = std::fopen(("/proc/" + std::to_string(pid) + "/status").c_str(), "r");
    if (!status)
        return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0)
            kb = std::strtol(line + 6, nullptr, 10);
    }
    std::fclose(status);
    return kb;
}

void raiseFileLimit(int wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < rlim_t(wanted)) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? rlim_t(wanted)
                                                         : std::min(rlim_t(wanted), limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(wanted))
        std::fprintf(stderr, "nextup-wsload: file limit %llu is below the %d needed\n",
                     static_cast<unsigned long long>(limit.rlim_cur), wanted);
}

int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Something registered with the loop: told which epoll events its descriptor has.
class Endpoint
{
public:
    virtual ~Endpoint() = default;
    virtual void onEvents(uint32_t events) = 0;
};

class Loop
{
public:
    Loop() : m_epoll(::epoll_create1(EPOLL_CLOEXEC)) {}
    ~Loop() { ::close(m_epoll); }
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    void add(int fd, Endpoint *endpoint, uint32_t events)
    {
        control(EPOLL_CTL_ADD, fd, endpoint, events);
    }
    void modify(int fd, Endpoint *endpoint, uint32_t events)
    {
        control(EPOLL_CTL_MOD, fd, endpoint, events);
    }
    void remove(int fd) { ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); }

    // Waits up to timeoutMs and handles what is ready; `tick` runs after every wake-up.
    void once(int timeoutMs)
    {
        epoll_event events[512];
        const int ready = ::epoll_wait(m_epoll, events, 512, timeoutMs);
        for (int i = 0; i < ready; ++i)
            static_cast<Endpoint *>(events[i].data.ptr)->onEvents(events[i].events);
        if (tick)
            tick();
    }
    // Runs until `done` or timeoutMs; true when done.
    bool runUntil(const std::function<bool()> &done, int timeoutMs)
    {
        const int64_t until = nowNs() + int64_t(timeoutMs) * 1'000'000;
        while (!done()) {
            if (nowNs() >= until)
                return false;
            once(1);
        }
        return true;
    }
    void runFor(int ms)
    {
        runUntil([] { return false; }, ms);
    }

    std::function<void()> tick;

private:
    void control(int op, int fd, Endpoint *endpoint, uint32_t events)
    {
        epoll_event event{};
        event.events = events;
        event.data.ptr = endpoint;
        ::epoll_ctl(m_epoll, op, fd, &event);
    }

    int m_epoll;
};

// Writes what it can now and keeps the rest for EPOLLOUT.
class Stream : public Endpoint
{
public:
    explicit Stream(Loop &loop) : m_loop(loop) {}
    ~Stream() override { shut(); }
    Stream(const Stream &) = delete;
    Stream &operator=(const Stream &) = delete;

    bool open(int port)
    {
        m_fd = connectTo(port);
        if (m_fd < 0)
            return false;
        m_connecting = true;
        m_loop.add(m_fd, this, EPOLLIN | EPOLLOUT);
        return true;
    }
    void shut()
    {
        if (m_fd < 0)
            return;
        m_loop.remove(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
    bool isOpen() const { return m_fd >= 0; }

    void write(std::string_view bytes)
    {
        if (m_fd < 0)
            return;
        if (m_out.empty() && !m_connecting) {
            const ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent == ssize_t(bytes.size()))
                return;
            bytes.remove_prefix(size_t(std::max<ssize_t>(sent, 0)));
        }
        const bool was = !m_out.empty();
        m_out.append(bytes);
        if (!was && !m_connecting)
            m_loop.modify(m_fd, this, EPOLLIN | EPOLLOUT);
    }

    void onEvents(uint32_t events) override
    {
        if (m_fd < 0)
            return;
        if (m_connecting && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            int error = 0;
            socklen_t size = sizeof error;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
            if (error != 0)
                return failed();
            m_connecting = false;
            onConnected();
            if (m_fd < 0)
                return;
        }
        if (events & EPOLLOUT)
            flush();
        if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
            readAll();
    }

protected:
    virtual void onConnected() {}
    // New bytes were appended to m_in.
    virtual void onBytes() = 0;
    virtual void onClosed() {}

    std::string m_in;
    size_t m_inRead = 0; // consumed from the front of m_in

    void consumed()
    {
        if (m_inRead == m_in.size()) {
            m_in.clear();
            if (m_in.capacity() > 4096)
                m_in.shrink_to_fit();
        } else if (m_inRead > 0) {
            m_in.erase(0, m_inRead);
        }
        m_inRead = 0;
    }

private:
    void failed()
    {
        shut();
        onClosed();
    }
    void flush()
    {
        while (!m_out.empty()) {
            const ssize_t sent = ::send(m_fd, m_out.data(), m_out.size(), MSG_NOSIGNAL);
            if (sent < 0) {
                if (errno == EAGAIN || errno == EINTR)
                    return;
                return failed();
            }
            m_out.erase(0, size_t(sent));
        }
        m_out.shrink_to_fit();
        m_loop.modify(m_fd, this, EPOLLIN);
    }
    void readAll()
    {
        char buffer[65536];
        for (;;) {
            const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (got > 0) {
                m_in.append(buffer, size_t(got));
                if (got < ssize_t(sizeof buffer))
                    break;
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            onBytes();
            return failed(); // end of stream or reset
        }
        onBytes();
    }

    Loop &m_loop;
    int m_fd = -1;
    bool m_connecting = false;
    std::string m_out;
};

// One WebSocket client: RFC 6455 handshake, masked text frames out, unmasked frames in (text
// handed on, ping answered, close ends it).
class WebSocket final : public Stream
{
public:
    using TextHandler = std::function<void(WebSocket &, std::string_view)>;

    WebSocket(Loop &loop, int port, const TextHandler *onText)
        : Stream(loop), m_port(port), m_onText(onText)
    {
    }

    bool hello = false;
    bool subscribeSent = false;
    std::string subscribe; // this socket's own subscribe frame ("" = the bench's)
    int64_t token = 0;     // a phone's token (its token room)
    bool subscribed = false;
    bool closed = false;

    void sendText(std::string_view text) { sendFrame(0x1, text); }
    void sendClose() { sendFrame(0x8, std::string_view("\x03\xe8", 2)); }

protected:
    void onConnected() override
    {
        write("GET /ws/queues HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port) +
              "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }
    void onClosed() override { closed = true; }
    void onBytes() override
    {
        if (!m_upgraded) {
            const size_t end = m_in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            if (m_in.compare(0, 12, "HTTP/1.1 101") != 0) {
                std::fprintf(stderr, "nextup-wsload: handshake refused: %.40s\n", m_in.c_str());
                shut();
                closed = true;
                return;
            }
            m_upgraded = true;
            m_inRead = end + 4;
        }
        while (m_in.size() - m_inRead >= 2 && isOpen()) {
            const auto *head = reinterpret_cast<const unsigned char *>(m_in.data() + m_inRead);
            const size_t available = m_in.size() - m_inRead;
            uint64_t length = head[1] & 0x7f;
            size_t header = 2;
            if (length == 126) {
                if (available < 4)
                    break;
                length = (uint64_t(head[2]) << 8) | head[3];
                header = 4;
            } else if (length == 127) {
                if (available < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | head[2 + i];
                header = 10;
            }
            if (available < header + length)
                break;
            const std::string_view payload(m_in.data() + m_inRead + header, size_t(length));
            const int opcode = head[0] & 0x0f;
            m_inRead += header + size_t(length);
            if (opcode == 0x1)
                (*m_onText)(*this, payload);
            else if (opcode == 0x9)
                sendFrame(0xA, std::string(payload));
            else if (opcode == 0x8) {
                shut();
                closed = true;
            }
        }
        consumed();
    }

private:
    void sendFrame(int opcode, std::string_view payload)
    {
        std::string frame;
        frame.reserve(payload.size() + 14);
        frame.push_back(char(0x80 | opcode));
        if (payload.size() < 126) {
            frame.push_back(char(0x80 | payload.size()));
        } else {
            frame.push_back(char(0x80 | 126));
            frame.push_back(char(payload.size() >> 8));
            frame.push_back(char(payload.size() & 0xff));
        }
        static std::mt19937 random(12345);
        const uint32_t key = random();
        const char mask[4] = {char(key), char(key >> 8), char(key >> 16), char(key >> 24)};
        frame.append(mask, 4);
        for (size_t i = 0; i < payload.size(); ++i)
            frame.push_back(char(payload[i] ^ mask[i % 4]));
        write(frame);
    }

    int m_port;
    const TextHandler *m_onText;
    bool m_upgraded = false;
};

// A keep-alive HTTP/1.1 connection: requests in order, answers (Content-Length bodies) to each
// request's callback with its latency.
class HttpClient final : public Stream
{
public:
    using Done = std::function<void(int status, const std::string &body, int64_t latencyNs)>;

    HttpClient(Loop &loop, int port) : Stream(loop), m_port(port) {}

    void request(const std::string &method, const std::string &path, const std::string &body,
                 const std::string &bearer, Done done)
    {
        if (!isOpen() && !open(m_port)) {
            done(0, {}, 0);
            return;
        }
        std::string text =
            method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port) + "\r\n";
        if (!bearer.empty())
            text += "Authorization: Bearer " + bearer + "\r\n";
        if (!body.empty() || method == "POST")
            text +=
                "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
        text += "\r\n" + body;
        m_pending.push_back({nowNs(), std::move(done)});
        write(text);
    }
    size_t pending() const { return m_pending.size(); }

    // Blocking in the loop's sense: runs `loop` until the answer (or 10 s).
    int call(Loop &loop, const std::string &method, const std::string &path,
             const std::string &body, const std::string &bearer, std::string *answer)
    {
        int status = -1;
        request(method, path, body, bearer, [&](int s, const std::string &b, int64_t) {
            status = s;
            if (answer)
                *answer = b;
        });
        loop.runUntil([&] { return status >= 0; }, 10'000);
        return status;
    }

protected:
    void onClosed() override
    {
        for (auto &pending : m_pending)
            pending.done(0, {}, nowNs() - pending.sentNs);
        m_pending.clear();
        m_in.clear();
        m_inRead = 0;
    }
    void onBytes() override
    {
        while (!m_pending.empty()) {
            const size_t end = m_in.find("\r\n\r\n", m_inRead);
            if (end == std::string::npos)
                break;
            const std::string head = m_in.substr(m_inRead, end - m_inRead);
            size_t length = 0;
            std::string lower = head;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            if (const size_t at = lower.find("\r\ncontent-length:"); at != std::string::npos)
                length = size_t(std::strtoul(lower.c_str() + at + 17, nullptr, 10));
            if (m_in.size() < end + 4 + length)
                break;
            const int status = std::atoi(head.c_str() + 9);
            const std::string body = m_in.substr(end + 4, length);
            m_inRead = end + 4 + length;
            Pending done = std::move(m_pending.front());
            m_pending.erase(m_pending.begin());
            done.done(status, body, nowNs() - done.sentNs);
        }
        consumed();
    }

private:
    struct Pending
    {
        int64_t sentNs;
        Done done;
    };
    int m_port;
    std::vector<Pending> m_pending;
};

std::string jsonString(const std::string &body, const std::string &key)
{
    const std::string pattern = "\"" + key + "\":\"";
    const size_t at = body.find(pattern);
    if (at == std::string::npos)
        return {};
    const size_t start = at + pattern.size();
    return body.substr(start, body.find('"', start) - start);
}

// nextup_ws_fanout_seconds from a /metrics text: bucket upper bounds -> cumulative counts.
std::map<double, double> fanoutBuckets(const std::string &metrics, double *sum, double *count)
{
    std::map<double, double> buckets;
    size_t at = 0;
    const std::string bucket = "nextup_ws_fanout_seconds_bucket{le=\"";
    while ((at = metrics.find(bucket, at)) != std::string::npos) {
        at += bucket.size();
        const std::string le = metrics.substr(at, metrics.find('"', at) - at);
        const size_t value = metrics.find("} ", at) + 2;
        buckets[le == "+Inf" ? 1e9 : std::strtod(le.c_str(), nullptr)] =
            std::strtod(metrics.c_str() + value, nullptr);
    }
    const auto read = [&](const std::string &name) {
        const size_t line = metrics.find("\n" + name + " ");
        return line == std::string::npos
                   ? 0.0
                   : std::strtod(metrics.c_str() + line + name.size() + 2, nullptr);
    };
    *sum = read("nextup_ws_fanout_seconds_sum");
    *count = read("nextup_ws_fanout_seconds_count");
    return buckets;
}

class Bench
{
public:
    explicit Bench(Options options)
        : m_options(std::move(options)), m_http(m_loop, m_options.port),
          m_probe(m_loop, m_options.port)
    {
        m_onText = [this](WebSocket &socket, std::string_view text) { onText(socket, text); };
        m_loop.tick = [this] { probeTick(); };
    }

    bool login();
    bool connect(int count);
    // The realistic mix: see main()'s usage.
    bool runMix();
    void closeAll();
    void rounds();
    void cycles();
    void idle();

private:
    void onText(WebSocket &socket, std::string_view text);
    void probeTick();
    std::string metrics();

    Options m_options;
    Loop m_loop;
    HttpClient m_http;
    HttpClient m_probe; // /healthz on its own connection
    std::string m_bearer;
    WebSocket::TextHandler m_onText;
    std::vector<std::unique_ptr<WebSocket>> m_sockets;
    std::string m_subscribe;
    std::function<void(WebSocket &)> m_prepare;    // each new socket, before it connects (mix)
    std::unordered_map<int64_t, int64_t> m_called; // token id -> its phone read token_called
    // token id -> when each socket read its token_generated event (rounds never overlap; a late
    // frame of an earlier round is kept apart by its id).
    std::unordered_map<int64_t, std::vector<int64_t>> m_arrivals;
    bool m_probing = false;
    int64_t m_nextProbe = 0;
    Samples m_healthz;
    int m_healthzFailed = 0;
};

void Bench::onText(WebSocket &socket, std::string_view text)
{
    const int64_t now = nowNs();
    if (text.find("\"event\":\"token_generated\"") != std::string_view::npos) {
        // The token's "id" is the first in its data (no nested object sorts before it).
        const size_t data = text.find("\"data\":");
        const size_t id = data == std::string_view::npos ? data : text.find("\"id\":", data);
        if (id != std::string_view::npos)
            m_arrivals[std::strtoll(text.data() + id + 5, nullptr, 10)].push_back(now);
        return;
    }
    if (text.find("\"event\":\"token_called\"") != std::string_view::npos && socket.token != 0 &&
        text.find("\"room\":\"token:") != std::string_view::npos) {
        m_called[socket.token] = now; // through its token room: this phone's own token
        return;
    }
    if (text.find("\"type\":\"hello\"") != std::string_view::npos)
        socket.hello = true;
    else if (text.find("\"type\":\"subscribed\"") != std::string_view::npos)
        // A phone is ready once its token room (checked on a worker thread) is confirmed too.
        socket.subscribed = socket.token == 0 || text.find("\"token:") != std::string_view::npos;
}

void Bench::probeTick()
{
    if (!m_probing || m_probe.pending() > 0 || nowNs() < m_nextProbe)
        return;
    m_nextProbe = nowNs() + 10'000'000;
    m_probe.request("GET", "/healthz", {}, {}, [this](int status, const std::string &, int64_t ns) {
        if (status == 200)
            m_healthz.add(ns);
        else
            ++m_healthzFailed;
    });
}

std::string Bench::metrics()
{
    std::string body;
    m_http.call(m_loop, "GET", "/metrics", {}, {}, &body);
    return body;
}

bool Bench::login()
{
    std::string answer;
    const int status = m_http.call(m_loop, "POST", "/api/auth/login",
                                   "{\"username\":\"" + m_options.user + "\",\"password\":\"" +
                                       m_options.password + "\"}",
                                   {}, &answer);
    m_bearer = jsonString(answer, "access_token");
    if (status != 200 || m_bearer.empty())
        std::fprintf(stderr, "nextup-wsload: login as %s failed (HTTP %d)\n",
                     m_options.user.c_str(), status);
    m_subscribe = "{\"type\":\"subscribe\",\"rooms\":[\"" + m_options.room + "\"]}";
    return !m_bearer.empty();
}

// Opens `count` more sockets, at most 64 handshakes at a time (the listen backlog is small), and
// subscribes each to the room once it has its hello.
bool Bench::connect(int count)
{
    const int64_t started = nowNs();
    const size_t first = m_sockets.size();
    const size_t last = first + size_t(count);
    size_t opened = first;
    size_t done = first;
    const auto progress = [&] {
        while (done < opened && m_sockets[done]->subscribed)
            ++done;
        size_t inFlight = 0;
        for (size_t i = done; i < opened; ++i) {
            WebSocket &socket = *m_sockets[i];
            if (socket.hello && !socket.subscribeSent && !socket.closed) {
                socket.subscribeSent = true;
                socket.sendText(socket.subscribe.empty() ? m_subscribe : socket.subscribe);
            }
            if (socket.closed)
                return true;
            inFlight += socket.subscribed ? 0 : 1;
        }
        while (opened < last && inFlight < 64) {
            m_sockets.push_back(std::make_unique<WebSocket>(m_loop, m_options.port, &m_onText));
            if (m_prepare)
                m_prepare(*m_sockets.back());
            if (!m_sockets.back()->open(m_options.port))
                return true;
            ++opened;
            ++inFlight;
        }
        return done == last;
    };
    const bool ok = m_loop.runUntil(progress, 120'000) && done == last;
    if (!ok) {
        std::fprintf(stderr, "nextup-wsload: %zu of %d sockets subscribed\n", done - first, count);
        return false;
    }
    std::printf("%d sockets connected and subscribed to %s in %.1f s\n", count,
                m_options.room.c_str(), double(nowNs() - started) / 1e9);
    return true;
}

void Bench::closeAll()
{
    for (auto &socket : m_sockets)
        socket->sendClose();
    m_loop.runUntil(
        [&] {
            return std::all_of(m_sockets.begin(), m_sockets.end(),
                               [](const auto &s) { return s->closed; });
        },
        10'000);
    m_sockets.clear();
}

void Bench::rounds()
{
    double sumBefore = 0;
    double countBefore = 0;
    const auto bucketsBefore = fanoutBuckets(metrics(), &sumBefore, &countBefore);
    Samples request;
    Samples spread;
    int64_t missing = 0;
    m_probing = true;
    const size_t sockets = m_sockets.size();
    for (int round = 0; round < m_options.rounds; ++round) {
        const int64_t sent = nowNs();
        int status = -1;
        int64_t token = -1;
        m_http.request("POST", "/api/tokens",
                       "{\"service_id\":" + std::to_string(m_options.serviceId) + "}", m_bearer,
                       [&](int s, const std::string &body, int64_t) {
                           status = s;
                           const size_t at = body.find("\"token_id\":");
                           if (at != std::string::npos)
                               token = std::strtoll(body.c_str() + at + 11, nullptr, 10);
                       });
        m_loop.runUntil([&] { return status >= 0 && m_arrivals[token].size() >= sockets; }, 10'000);
        m_loop.runFor(m_options.gapMs); // late or duplicate frames would show up here
        if (status != 201)
            std::fprintf(stderr, "nextup-wsload: POST /api/tokens answered %d\n", status);
        const std::vector<int64_t> arrivals = std::move(m_arrivals[token]);
        m_arrivals.clear(); // what comes later for this round is not timed
        missing += std::max<int64_t>(0, int64_t(sockets) - int64_t(arrivals.size()));
        if (arrivals.empty())
            continue;
        const int64_t firstAt = *std::min_element(arrivals.begin(), arrivals.end());
        for (int64_t at : arrivals) {
            request.add(at - sent);
            spread.add(at - firstAt);
        }
    }
    m_probing = false;
    m_loop.runUntil([&] { return m_probe.pending() == 0; }, 5'000);
    const auto line = [&](const char *label, Samples &stats) {
        std::printf("RESULT label=%s sockets=%zu rounds=%d samples=%zu missing=%lld p50_ms=%.2f "
                    "p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
                    label, sockets, m_options.rounds, stats.count(),
                    static_cast<long long>(missing), stats.percentileMs(50), stats.percentileMs(90),
                    stats.percentileMs(99), stats.percentileMs(100));
    };
    line("fanout_request", request);
    line("fanout_spread", spread);
    std::printf("RESULT label=healthz sockets=%zu samples=%zu failed=%d p50_ms=%.2f p99_ms=%.2f "
                "max_ms=%.2f\n",
                sockets, m_healthz.count(), m_healthzFailed, m_healthz.percentileMs(50),
                m_healthz.percentileMs(99), m_healthz.percentileMs(100));

    double sumAfter = 0;
    double countAfter = 0;
    const auto bucketsAfter = fanoutBuckets(metrics(), &sumAfter, &countAfter);
    const double events = countAfter - countBefore;
    if (bucketsAfter.empty() || events <= 0) {
        std::printf("RESULT label=server_fanout events=0 (no nextup_ws_fanout_seconds in "
                    "/metrics)\n");
    } else {
        // Percentiles as the upper bound of the bucket they fall in.
        const auto percentile = [&](double p) {
            for (const auto &[le, cumulative] : bucketsAfter) {
                const auto before = bucketsBefore.find(le);
                const double delta =
                    cumulative - (before == bucketsBefore.end() ? 0 : before->second);
                if (delta >= p / 100.0 * events)
                    return le * 1000;
            }
            return 1e12;
        };
        std::printf("RESULT label=server_fanout sockets=%zu events=%.0f mean_ms=%.2f "
                    "p50_ms_le=%.1f p99_ms_le=%.1f\n",
                    sockets, events, (sumAfter - sumBefore) / events * 1000, percentile(50),
                    percentile(99));
    }
    std::fflush(stdout);
}

void Bench::idle()
{
    if (m_options.idleSeconds <= 0)
        return;
    m_loop.runFor(m_options.idleSeconds * 1000);
    const long kb = rssKb(m_options.serverPid);
    if (kb >= 0)
        std::printf("RESULT label=rss_idle sockets=%zu rss_kb=%ld\n", m_sockets.size(), kb);
}

void Bench::cycles()
{
    if (m_options.cycles <= 0)
        return;
    const long start = rssKb(m_options.serverPid);
    std::printf("RESULT label=rss_cycle cycle=0 rss_kb=%ld\n", start);
    for (int cycle = 1; cycle <= m_options.cycles; ++cycle) {
        if (!connect(m_options.cycleSockets))
            return;
        closeAll();
        m_loop.runFor(50);
        if (cycle % 10 == 0 || cycle == m_options.cycles)
            std::printf("RESULT label=rss_cycle cycle=%d rss_kb=%ld\n", cycle,
                        rssKb(m_options.serverPid));
        std::fflush(stdout);
    }
    // The server gives memory back once a burst of closes is over (AllocatorTrim: a quiet
    // second): read the end after it.
    m_loop.runFor(3000);
    const long end = rssKb(m_options.serverPid);
    if (start > 0)
        std::printf("RESULT label=rss_cycles cycles=%d sockets=%d start_kb=%ld end_kb=%ld "
                    "growth_pct=%.1f\n",
                    m_options.cycles, m_options.cycleSockets, start, end,
                    100.0 * double(end - start) / double(start));
}

// The realistic mix: --phones sockets each in its own token:<id> room (a token issued for it,
// its secret shown) and its service's room, --boards lobby boards in branch:1, --consoles
// consoles in counter:1, then --calls-per-minute calls at counter 1 (opened by admin) for
// --mix-seconds, each followed by serve and complete. Times each call's request -> its phone
// reading token_called through its token room: RESULT label=mix_token_called.
bool Bench::runMix()
{
    std::string admin;
    std::string answer;
    if (m_http.call(m_loop, "POST", "/api/auth/login",
                    R"({"username":"admin","password":"admin123"})", {}, &answer) != 200 ||
        (admin = jsonString(answer, "access_token")).empty()) {
        std::fprintf(stderr, "nextup-wsload: admin login failed\n");
        return false;
    }
    m_http.call(m_loop, "POST", "/api/counters/1/open", "{}", admin, nullptr);
    // The phones' tokens, 64 requests in flight on the keep-alive connection.
    const int64_t issuing = nowNs();
    std::vector<std::pair<int64_t, std::string>> tokens; // id, secret
    int inFlight = 0;
    int failed = 0;
    while (int(tokens.size()) + failed < m_options.phones) {
        while (inFlight < 64 && int(tokens.size()) + failed + inFlight < m_options.phones) {
            ++inFlight;
            m_http.request("POST", "/api/tokens",
                           "{\"service_id\":" + std::to_string(m_options.serviceId) + "}", m_bearer,
                           [&](int status, const std::string &body, int64_t) {
                               --inFlight;
                               const size_t at = body.find("\"token_id\":");
                               if (status != 201 || at == std::string::npos) {
                                   ++failed;
                                   return;
                               }
                               tokens.emplace_back(
                                   std::strtoll(body.c_str() + at + 11, nullptr, 10),
                                   jsonString(body, "secret"));
                           });
        }
        m_loop.once(1);
    }
    std::printf("%zu phone tokens issued in %.1f s (%d failed)\n", tokens.size(),
                double(nowNs() - issuing) / 1e9, failed);
    const std::string service = "\"service:" + std::to_string(m_options.serviceId) + "\"";
    size_t next = 0;
    m_prepare = [&](WebSocket &socket) {
        const auto &[id, secret] = tokens[next++];
        socket.token = id;
        socket.subscribe = "{\"type\":\"subscribe\",\"rooms\":[\"token:" + std::to_string(id) +
                           "\"," + service + "],\"secret\":\"" + secret + "\"}";
    };
    if (!connect(int(tokens.size())))
        return false;
    m_prepare = nullptr;
    m_subscribe = R"({"type":"subscribe","rooms":["branch:1"]})";
    if (m_options.boards > 0 && !connect(m_options.boards))
        return false;
    m_subscribe = R"({"type":"subscribe","rooms":["counter:1"]})";
    if (m_options.consoles > 0 && !connect(m_options.consoles))
        return false;
    const long rssBefore = rssKb(m_options.serverPid);

    Samples called;
    int missed = 0;
    int empty = 0;
    m_probing = true;
    const int64_t period = 60'000'000'000LL / m_options.callsPerMinute;
    const int64_t end = nowNs() + int64_t(m_options.mixSeconds) * 1'000'000'000LL;
    for (int64_t due = nowNs(); due < end; due += period) {
        m_loop.runUntil([&] { return nowNs() >= due; }, 60'000);
        const int64_t sent = nowNs();
        std::string body;
        if (m_http.call(m_loop, "POST", "/api/counters/1/call", "{}", admin, &body) != 200) {
            ++empty;
            continue;
        }
        const size_t at = body.find("\"id\":");
        const int64_t id =
            at == std::string::npos ? 0 : std::strtoll(body.c_str() + at + 5, nullptr, 10);
        if (!m_loop.runUntil([&] { return m_called.count(id) > 0; }, 5'000))
            ++missed;
        else
            called.add(m_called[id] - sent);
        m_http.call(m_loop, "POST", "/api/counters/1/serve", "{}", admin, nullptr);
        m_http.call(m_loop, "POST", "/api/counters/1/complete", "{}", admin, nullptr);
    }
    m_probing = false;
    m_loop.runUntil([&] { return m_probe.pending() == 0; }, 5'000);
    std::printf("RESULT label=mix_token_called phones=%d boards=%d consoles=%d calls=%zu "
                "missed=%d refused=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
                m_options.phones, m_options.boards, m_options.consoles, called.count(), missed,
                empty, called.percentileMs(50), called.percentileMs(90), called.percentileMs(99),
                called.percentileMs(100));
    std::printf("RESULT label=healthz mix=1 samples=%zu failed=%d p50_ms=%.2f p99_ms=%.2f "
                "max_ms=%.2f\n",
                m_healthz.count(), m_healthzFailed, m_healthz.percentileMs(50),
                m_healthz.percentileMs(99), m_healthz.percentileMs(100));
    if (rssBefore > 0)
        std::printf("RESULT label=rss mix=1 sockets=%zu rss_kb=%ld\n", m_sockets.size(), rssBefore);
    closeAll();
    return true;
}

int intArg(const char *value, int fallback)
{
    char *end = nullptr;
    const long parsed = std::strtol(value, &end, 10);
    return end && *end == '\0' ? int(parsed) : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i];
        const char *value = argv[i + 1];
        if (name == "--port")
            options.port = intArg(value, 0);
        else if (name == "--sockets")
            options.sockets = std::clamp(intArg(value, 1000), 1, 50'000);
        else if (name == "--rounds")
            options.rounds = std::clamp(intArg(value, 20), 0, 10'000);
        else if (name == "--gap-ms")
            options.gapMs = std::clamp(intArg(value, 200), 0, 10'000);
        else if (name == "--service")
            options.serviceId = intArg(value, 1);
        else if (name == "--server-pid")
            options.serverPid = intArg(value, 0);
        else if (name == "--cycles")
            options.cycles = std::clamp(intArg(value, 0), 0, 1000);
        else if (name == "--cycle-sockets")
            options.cycleSockets = std::clamp(intArg(value, 1000), 1, 50'000);
        else if (name == "--phones")
            options.phones = std::clamp(intArg(value, 0), 0, 50'000);
        else if (name == "--boards")
            options.boards = std::clamp(intArg(value, 50), 0, 10'000);
        else if (name == "--consoles")
            options.consoles = std::clamp(intArg(value, 100), 0, 10'000);
        else if (name == "--calls-per-minute")
            options.callsPerMinute = std::clamp(intArg(value, 100), 1, 6'000);
        else if (name == "--mix-seconds")
            options.mixSeconds = std::clamp(intArg(value, 60), 1, 3'600);
        else if (name == "--idle-seconds")
            options.idleSeconds = std::clamp(intArg(value, 0), 0, 600);
        else if (name == "--room")
            options.room = value;
        else if (name == "--user")
            options.user = value;
        else if (name == "--password")
            options.password = value;
        else {
            std::fprintf(stderr, "nextup-wsload: unknown option %s (see bench/wsload.cpp)\n",
                         argv[i]);
            return 2;
        }
    }
    if (options.port <= 0) {
        std::fprintf(stderr, "nextup-wsload: --port is required (see bench/wsload.cpp)\n");
        return 2;
    }
    raiseFileLimit(std::max({options.sockets, options.cycleSockets,
                             options.phones + options.boards + options.consoles}) +
                   256);
    Bench bench(options);
    if (!bench.login())
        return 1;
    if (options.phones > 0)
        return bench.runMix() ? 0 : 1;
    if (options.rounds > 0) {
        std::printf("RESULT label=rss at=before rss_kb=%ld\n", rssKb(options.serverPid));
        if (!bench.connect(options.sockets))
            return 1;
        bench.rounds();
        bench.idle();
        std::printf("RESULT label=rss at=after sockets=%d rss_kb=%ld\n", options.sockets,
                    rssKb(options.serverPid));
        bench.closeAll();
    }
    bench.cycles();
    return 0;
}
