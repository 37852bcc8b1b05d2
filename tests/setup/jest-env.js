// Child processes and worker threads started by tests resolve workspace packages to their sources too.
process.env.DDT_SOURCE = '1';
