//! Properties of the codec over generated messages and bytes.
