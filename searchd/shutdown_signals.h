// Graceful shutdown on SIGTERM and SIGINT without a signal handler or a
// global flag: the signals are blocked in every thread and one thread waits
// for them with sigwait, then runs the stop action in ordinary code.
#ifndef BERITA_SEARCHD_SHUTDOWN_SIGNALS_H
#define BERITA_SEARCHD_SHUTDOWN_SIGNALS_H

#include <functional>
#include <thread>

namespace berita {

class ShutdownSignals {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread, and so in every thread
  // it creates afterwards: construct before starting any other thread.
  // SIGPIPE is ignored (a client hanging up must not kill the daemon).
  ShutdownSignals();
  // Joins the waiting thread (waking it if no signal came).
  ~ShutdownSignals();
  ShutdownSignals(const ShutdownSignals&) = delete;
  ShutdownSignals& operator=(const ShutdownSignals&) = delete;

  // Starts the thread that calls on_signal(signal number) once a signal arrives.
  void start(std::function<void(int)> on_signal);

 private:
  std::thread waiter_;
};

}  // namespace berita

#endif
