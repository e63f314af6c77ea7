// What the producer and the consumer agree on: their bus topics and the record in the region.
export const TOPIC_HELLO: i32 = 10; // consumer -> producer: value = the consumer's agent id
export const TOPIC_OFFER: i32 = 11; // producer -> consumer: value = consumer id, value2 = handle
export const TOPIC_READY: i32 = 12; // producer -> all: value = region version, value2 = sequence
export const TOPIC_PROGRESS: i32 = 13; // consumer -> all: value = records read, value2 = torn
export const BUS_EVENT: i32 = 88; // the schema's bus_event frame type, which subscriptions filter
export const RECORD_BYTES: i32 = 12; // sequence, time in ms, sequence squared (a torn-read check)
