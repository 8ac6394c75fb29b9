pub mod corpus;
pub mod tokens;
