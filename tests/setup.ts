// type-graphql reads decorator metadata through reflect-metadata; load it once per worker.
import 'reflect-metadata';
