#include "index/parallel_indexer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "index/article_codec.h"
#include "index/document_builder.h"
#include "index/index_inputs.h"
#include "index/stored_article.h"
#include "index/word_keys.h"
#include "schema/schema.h"

namespace berita {
namespace {

std::size_t text_bytes(const Article& a) {
  std::size_t n = a.title.size() + a.standfirst.size() + a.location.size() + a.byline.size();
  for (const auto& p : a.paragraphs) n += p.size();
  for (const auto& c : a.captions) n += c.size();
  return n;
}

// A bounded hand-over from the reading thread to one worker. Bounded in
// bytes rather than articles, so a run of huge articles cannot pile up.
class ArticleQueue {
 public:
  explicit ArticleQueue(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // Blocks while full. Returns false if the queue was cancelled.
  bool push(Article&& article) {
    const std::size_t size = text_bytes(article);
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock,
                   [&] { return cancelled_ || items_.empty() || bytes_ + size <= max_bytes_; });
    if (cancelled_) return false;
    bytes_ += size;
    items_.emplace_back(std::move(article), size);
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty. Returns false once closed and drained, or cancelled.
  bool pop(Article& out) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return cancelled_ || closed_ || !items_.empty(); });
    if (cancelled_ || items_.empty()) return false;
    out = std::move(items_.front().first);
    bytes_ -= items_.front().second;
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

  void cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<std::pair<Article, std::size_t>> items_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
  bool closed_ = false;
  bool cancelled_ = false;
};

struct WorkerCounts {
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t excluded = 0;
};

class Worker {
 public:
  // codec must be final before run starts.
  Worker(const ShardJob& job, std::string path_stem, std::atomic<std::uint64_t>& written,
         const ArticleCodec& codec)
      : job_(job),
        path_stem_(std::move(path_stem)),
        queue_(job.parallel.queue_bytes),
        written_(written),
        codec_(codec) {}

  ArticleQueue& queue() { return queue_; }
  const std::vector<std::string>& segment_paths() const { return segment_paths_; }
  const WorkerCounts& counts() const { return counts_; }
  std::exception_ptr error() const { return error_; }

  // Thread body: never throws; a failure is kept for the caller and stops
  // the whole job through on_failure.
  void run(const std::function<void()>& on_failure) {
    try {
      write_segments();
    } catch (...) {
      error_ = std::current_exception();
      on_failure();
    }
  }

 private:
  // What is kept of a segment once it is closed: enough to find an id that
  // arrives again later, so the earlier copy can be removed.
  struct ClosedSegment {
    std::vector<std::uint64_t> id_hashes;  // sorted
    std::vector<std::string> superseded;   // id terms to delete at the end
  };

  static std::uint64_t id_hash(const std::string& id_term) {
    return std::hash<std::string>{}(id_term);
  }

  Xapian::WritableDatabase open_segment() {
    segment_paths_.push_back(path_stem_ + "-" + std::to_string(segment_paths_.size()));
    // A segment is scratch space until merged, and the merged database is
    // synced before it goes live, so syncing here would only cost time.
    Xapian::WritableDatabase db(segment_paths_.back(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC,
                                job_.parallel.segment_block_size);
    schema::stamp_or_check(db, job_.analyzer.stem_language);
    // Every segment holds the dictionary; the merge keeps one copy.
    if (codec_.has_dictionary()) {
      db.set_metadata(schema::kArticleDictionaryKey, codec_.dictionary_bytes());
    }
    return db;
  }

  // The analyzer's new words are the segment's: a word seen in an earlier
  // segment is in that one's entries, which the merge joins.
  void close_segment(Xapian::WritableDatabase& db, std::vector<std::uint64_t>& id_hashes,
                     Analyzer& analyzer) {
    db.commit();
    if (job_.analyzer.collect_spelling) {
      add_word_keys(db, analyzer.take_new_words(), job_.parallel.word_keys_per_commit);
    }
    db.close();
    std::sort(id_hashes.begin(), id_hashes.end());
    closed_.push_back(ClosedSegment{std::move(id_hashes), {}});
    id_hashes = {};
  }

  // True if an earlier segment holds id_term; that copy is then marked for
  // deletion, as replace-by-id would have done in one database.
  bool supersede_in_closed_segments(const std::string& id_term, std::uint64_t hash) {
    bool found = false;
    for (std::size_t s = 0; s < closed_.size(); ++s) {
      if (!std::binary_search(closed_[s].id_hashes.begin(), closed_[s].id_hashes.end(), hash)) {
        continue;
      }
      // The hash may collide; the segment itself has the last word.
      if (Xapian::Database(segment_paths_[s]).term_exists(id_term)) {
        closed_[s].superseded.push_back(id_term);
        found = true;
      }
    }
    return found;
  }

  void delete_superseded() {
    for (std::size_t s = 0; s < closed_.size(); ++s) {
      if (closed_[s].superseded.empty()) continue;
      Xapian::WritableDatabase db(segment_paths_[s], Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
      for (const auto& id_term : closed_[s].superseded) db.delete_document(id_term);
      db.commit();
    }
  }

  // Writes the worker's articles into a series of segments of at most
  // segment_articles each, so no commit goes into a large database: Xapian's
  // cost per article grows with the database it commits into (the plain
  // loop's rate fell by about a third over its first 300,000 articles),
  // while the rebuild kept its rate from 100,000 to a million articles
  // (docs/PERFORMANCE.md,
  // "Segments, and a million articles").
  void write_segments() {
    Xapian::WritableDatabase db = open_segment();
    std::vector<std::uint64_t> id_hashes;
    Analyzer analyzer(job_.analyzer);
    std::size_t segment_articles = 0;
    std::size_t batch_articles = 0;
    std::size_t batch_bytes = 0;
    Article article;
    while (queue_.pop(article)) {
      if (job_.excluded_ids != nullptr && job_.excluded_ids->count(article.id) > 0) {
        ++counts_.excluded;
        continue;
      }
      if (segment_articles >= job_.parallel.segment_articles) {
        close_segment(db, id_hashes, analyzer);
        db = open_segment();
        segment_articles = 0;
        batch_articles = 0;
        batch_bytes = 0;
      }
      const std::string id_term = schema::id_term(article.id);
      const std::uint64_t hash = id_hash(id_term);
      const bool in_this_segment = db.term_exists(id_term);
      const bool in_earlier_segment = !in_this_segment && !closed_.empty() &&
                                      supersede_in_closed_segments(id_term, hash);
      // add_document skips replace_document's second look-up of the id.
      if (in_this_segment) {
        db.replace_document(id_term, build_document(article, analyzer, codec_));
      } else {
        db.add_document(build_document(article, analyzer, codec_));
        id_hashes.push_back(hash);
      }
      ++((in_this_segment || in_earlier_segment) ? counts_.replaced : counts_.added);
      ++segment_articles;
      job_.crash.after_articles(++written_);
      batch_bytes += text_bytes(article);
      if (++batch_articles >= job_.parallel.flush_articles ||
          batch_bytes >= job_.parallel.flush_bytes) {
        db.commit();
        batch_articles = 0;
        batch_bytes = 0;
      }
    }
    close_segment(db, id_hashes, analyzer);
    delete_superseded();
  }

  const ShardJob& job_;
  std::string path_stem_;
  ArticleQueue queue_;
  std::atomic<std::uint64_t>& written_;
  const ArticleCodec& codec_;
  std::vector<std::string> segment_paths_;
  std::vector<ClosedSegment> closed_;
  WorkerCounts counts_;
  std::exception_ptr error_;
};

// Reads and parses on the calling thread and routes each article to a worker.
// The first articles are held back to train the stored articles' dictionary
// (index/article_codec); the workers start once it is trained.
class Router : public ReportingHandler {
 public:
  struct Cancelled {};

  Router(std::vector<std::unique_ptr<Worker>>& workers, IndexObserver& observer,
         IndexReport& report, IndexProgress& progress, const std::atomic<std::uint64_t>& written,
         Clock::time_point start, const ParallelOptions& options,
         std::function<void(std::string dictionary)> start_workers)
      : ReportingHandler(observer, report, progress),
        workers_(workers),
        written_(written),
        start_(start),
        options_(options),
        start_workers_(std::move(start_workers)) {}

  void on_article(Article&& article) override {
    if (!started_) {
      held_bytes_ += text_bytes(article);
      held_.push_back(std::move(article));
      if (held_.size() >= options_.dictionary_sample_articles ||
          held_bytes_ >= options_.dictionary_sample_bytes) {
        start();
      }
      return;
    }
    route(std::move(article));
  }

  // Trains on what is held, starts the workers and hands them the held
  // articles. Called by on_article, or after the last input if the sample
  // never filled.
  void start() {
    if (started_) return;
    std::vector<std::string> samples;
    samples.reserve(held_.size());
    for (const auto& article : held_) samples.push_back(encode_article(article));
    start_workers_(train_article_dictionary(samples));
    started_ = true;
    for (auto& article : held_) route(std::move(article));
    held_.clear();
  }

  void publish() {
    progress_.articles = written_.load();
    progress_.elapsed_seconds = seconds_since(start_);
    observer_.on_progress(progress_);
  }

  double waited_seconds() const { return waited_; }

 private:
  void route(Article&& article) {
    const std::size_t slot = std::hash<std::string>{}(article.id) % workers_.size();
    const auto wait_start = Clock::now();
    // A failed worker cancels the queues; stop reading at once rather than
    // parse the rest of a large file for nothing.
    if (!workers_[slot]->queue().push(std::move(article))) throw Cancelled();
    waited_ += seconds_since(wait_start);
    if (++routed_ % kProgressEveryArticles == 0) publish();
  }

  std::vector<std::unique_ptr<Worker>>& workers_;
  const std::atomic<std::uint64_t>& written_;
  Clock::time_point start_;
  const ParallelOptions& options_;
  std::function<void(std::string)> start_workers_;
  std::vector<Article> held_;
  std::size_t held_bytes_ = 0;
  bool started_ = false;
  std::uint64_t routed_ = 0;
  double waited_ = 0;
};

}  // namespace

ShardResult build_shards(const ShardJob& job, IndexObserver& observer, IndexReport& report) {
  const auto start = Clock::now();
  const unsigned threads = std::max(1u, job.parallel.threads);
  std::atomic<std::uint64_t> written{0};
  ArticleCodec codec;  // final before the workers start
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>(
        job, job.build_dir + "/shard-" + std::to_string(i), written, codec));
  }
  const auto cancel_all = [&workers] {
    for (auto& worker : workers) worker->queue().cancel();
  };
  std::vector<std::thread> pool;
  const auto start_workers = [&](std::string dictionary) {
    if (!dictionary.empty()) codec = ArticleCodec(dictionary);
    for (auto& worker : workers) {
      pool.emplace_back([&worker, &cancel_all] { worker->run(cancel_all); });
    }
  };

  IndexProgress progress;
  progress.total_bytes = job.inputs->total_bytes;
  Router router(workers, observer, report, progress, written, start, job.parallel, start_workers);
  std::exception_ptr read_error;
  const auto parse_start = Clock::now();
  try {
    for (const auto& file : job.inputs->files) read_input(file, *job.furniture, job.limits, router);
    router.start();
  } catch (const Router::Cancelled&) {
    // The failing worker's error is rethrown below.
  } catch (...) {
    read_error = std::current_exception();
    cancel_all();
  }
  const double parse_seconds = seconds_since(parse_start) - router.waited_seconds();
  for (auto& worker : workers) worker->queue().close();
  for (auto& thread : pool) thread.join();
  router.publish();

  if (read_error) std::rethrow_exception(read_error);
  for (const auto& worker : workers) {
    if (worker->error()) std::rethrow_exception(worker->error());
  }
  ShardResult result;
  for (const auto& worker : workers) {
    const auto& paths = worker->segment_paths();
    result.shard_paths.insert(result.shard_paths.end(), paths.begin(), paths.end());
    result.added += worker->counts().added;
    result.replaced += worker->counts().replaced;
    result.excluded += worker->counts().excluded;
  }
  result.parse_seconds = parse_seconds;
  result.index_seconds = seconds_since(start);
  report.bytes_read = progress.bytes_read;
  return result;
}

}  // namespace berita
