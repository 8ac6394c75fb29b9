//! `exec/`: what a config makes the machine run, and with which powers.

pub mod shell_wrapper;
