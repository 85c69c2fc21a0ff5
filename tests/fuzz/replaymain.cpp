// The main() of a harness outside libFuzzer: replays every file of the folders it is given (the
// harness's seed corpus and its regression inputs) through LLVMFuzzerTestOneInput, in name order.
// CTest runs one per harness in the normal build (fuzz_replay_<name>), so every commit replays the
// inputs on the compiler and flags that ship; a broken invariant aborts (FUZZ_CHECK).
//
//   fuzz_replay_<name> <folder or file>...     a folder that does not exist is skipped;
//                                              replaying nothing at all fails

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzzsupport.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputsOf(const fs::path &place)
{
    std::vector<fs::path> files;
    std::error_code error;
    if (fs::is_regular_file(place, error)) {
        files.push_back(place);
    } else if (fs::is_directory(place, error)) {
        for (const fs::directory_entry &entry : fs::recursive_directory_iterator(place, error)) {
            if (entry.is_regular_file())
                files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<uint8_t> contentsOf(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path &file : inputsOf(argv[i])) {
            const std::vector<uint8_t> bytes = contentsOf(file);
            std::printf("replay %s (%zu bytes)\n", file.c_str(), bytes.size());
            std::fflush(stdout); // named before it runs: an abort names the input
            LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
            ++replayed;
        }
    }
    std::printf("%d inputs replayed\n", replayed);
    return replayed > 0 ? 0 : 1;
}
