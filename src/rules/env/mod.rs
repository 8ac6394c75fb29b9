//! `env/`: `${VAR}` references and `.env` files.
//!
//! These rules are raised where the expansion (`crate::env`) meets the problem: an undefined
//! variable is known only while a value is expanded. Each file builds its own finding.

pub mod bare_variable;
pub mod command_substitution;
pub mod duplicate_key;
pub mod empty_value;
pub mod invalid_key_name;
pub mod invalid_template;
pub mod invisible_variable;
pub mod missing_equals;
pub mod missing_from_dotenv;
pub mod missing_from_template;
pub mod required_variable;
pub mod runtime_input;
pub mod spaces_around_equals;
pub mod syntax;
pub mod unbalanced_quotes;
pub mod unclosed_substitution;
pub mod undeclared_input;
pub mod undeclared_variables;
pub mod undefined_variable;
pub mod unexpanded_reference;
pub mod unset_variable;
pub mod unused_variable;
pub mod variable_in_key;

pub use bare_variable::BARE_VARIABLE;
pub use command_substitution::COMMAND_SUBSTITUTION;
pub use empty_value::EMPTY_VALUE;
pub use invalid_template::INVALID_TEMPLATE;
pub use required_variable::REQUIRED_VARIABLE;
pub use runtime_input::RUNTIME_INPUT;
pub use syntax::SYNTAX;
pub use undefined_variable::UNDEFINED_VARIABLE;
pub use unused_variable::UNUSED_VARIABLE;
pub use variable_in_key::VARIABLE_IN_KEY;
