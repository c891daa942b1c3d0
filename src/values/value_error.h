#pragma once

#include <stdexcept>
#include <string>

namespace hydra_adapt {

// An incoming text that cannot be delivered as its declared type. what() completes the
// sentence "the value ..." ("is not an int"); the translator adds the flag and the fix.
class ValueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hydra_adapt
