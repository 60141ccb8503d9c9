export * from './names.js'
export * from './options.js'
export * from './connection.js'
export * from './queues.js'
