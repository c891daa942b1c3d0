#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hydra_adapt {

// How `hydra-adapt rewrite` changes a component's container.
enum class RewriteStyle {
  // The command goes through `/hydra-adapt --`, the args stay as they are: what KFP's own
  // backend needs, since it runs the component's command and never the image's ENTRYPOINT.
  // A command that already runs the tool, at any path, stays.
  kAdapter,
  // The incoming args become the Hydra overrides people write by hand
  // (`lr={{$.inputs.parameters['lr']}}`, `{concat: [lr=, {inputValue: lr}]}`) and the command
  // loses `hydra-adapt ... --` (the tool at any path); the program's own words stay, as the
  // tool's split tells them (split_component_command). The values are not escaped in that
  // style: a quote, comma or bracket in a value breaks the override.
  kHydra,
};
std::optional<RewriteStyle> rewrite_style_from_name(std::string_view name);

// The spec (v1 component YAML, or a spec compiled by kfp 2.x: every executor's container)
// rewritten in `style`, as YAML text starting with a comment that says what changed. The
// command line is read by component_words, the reader `schema --component` uses, and each flag
// with its values (component_flag_words) becomes `key=VALUE` with the key key_for_flag gives
// (hyphens as underscores, as the schema --component derives); `--flag=VALUE` too, a bare
// `--flag` becomes `key=true`, and the branches of a v1 `if` or a v2 `IfPresent` are rewritten
// inside. Throws AdaptError as component_words does, and for a flag whose values lie in another
// branch than its own.
// yaml-cpp keeps the order of keys and block or flow style, but not the file's comments or
// anchors; a quoted scalar comes out double-quoted. Throws AdaptError naming the
// spot for a spec that is no component or a container without a command.
std::string rewrite_component_yaml(const std::string& text, const std::string& source, RewriteStyle style);

}  // namespace hydra_adapt
