package io.stsgate.policy;

/** The result of testing one policy element against a request. */
enum Match {
    YES,
    NO,
    /** A policy variable had no value: the element does not match, whatever its negation. */
    UNDEFINED,
    /** The request carried a value the operator cannot interpret: the statement fails closed. */
    ERROR
}
