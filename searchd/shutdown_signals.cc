#include "searchd/shutdown_signals.h"

#include <pthread.h>
#include <signal.h>

namespace berita {
namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

ShutdownSignals::ShutdownSignals() {
  const sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

void ShutdownSignals::start(std::function<void(int)> on_signal) {
  waiter_ = std::thread([on_signal = std::move(on_signal)] {
    const sigset_t set = stop_signals();
    int received = 0;
    if (sigwait(&set, &received) == 0) on_signal(received);
  });
}

ShutdownSignals::~ShutdownSignals() {
  if (!waiter_.joinable()) return;
  // Harmless if the signal already came: the waiter has returned and the
  // pending signal stays blocked until exit.
  pthread_kill(waiter_.native_handle(), SIGTERM);
  waiter_.join();
}

}  // namespace berita
